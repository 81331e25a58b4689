package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.Redaction.assertRedacted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0002Test {

    private static final String FROM = "FROM node:20.15-bookworm-slim\n";

    private final DD0002 rule = new DD0002();

    @Test
    void catchesSecretNamesInAStage() {
        assertCatches(rule, FROM + "ARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > "
                + ".npmrc && npm ci");
        assertCatches(rule, FROM + "ARG GITHUB_TOKEN\nRUN go mod download");
        assertCatches(rule, FROM + "ARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\nRUN aws s3 cp s3://bucket/x /x");
        assertCatches(rule, FROM + "ARG PIP_EXTRA_INDEX_PASSWORD=\nRUN pip install -r requirements.txt");
        assertCatches(rule, FROM + "ARG SSH_PRIVATE_KEY\nRUN mkdir -p /root/.ssh && echo \"$SSH_PRIVATE_KEY\" > "
                + "/root/.ssh/id_rsa");
        assertCatches(rule, FROM + "ARG TOKEN=${CI_JOB_TOKEN}");
    }

    @Test
    void catchesSecretDefaults() {
        assertCatches(rule, FROM + "ARG DB_PASSWORD=hunter2");
        assertCatches(rule, FROM + "ARG CONFIG=AKIAIOSFODNN7EXAMPLE");
        assertCatches(rule, FROM + "ARG PIP_INDEX_URL=https://user:s3cret99@pypi.example.com/simple");
        // a global ARG is reported for its default, not for its name
        assertCatchesOnLines(rule, "ARG API_KEY=abcdef0123456789\nFROM alpine:3.20\nRUN true\n", 1);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, FROM + "ARG NODE_VERSION=20.15.0\nARG GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305");
        assertPasses(rule, FROM + "ARG GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json");
        assertPasses(rule, FROM + "ARG DB_PASSWORD_FILE=/run/secrets/db");
        assertPasses(rule, FROM + "ARG USE_TOKEN_AUTH=false".replace("USE_TOKEN_AUTH", "TOKEN_URL"));
        assertPasses(rule, "ARG REGISTRY_TOKEN\nFROM alpine:3.20\nRUN true\n");            // global, no default
        assertPasses(rule, "ENV NPM_TOKEN=x".replace("NPM_TOKEN", "NPM_CONFIG_LOGLEVEL"));
        assertPasses(rule, "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci");
        assertPasses(rule, FROM + "ARG BUILDKIT_INLINE_CACHE=1\nARG TARGETPLATFORM");
    }

    @Test
    void messagesNeverShowTheValue() {
        var v = assertCatches(rule, FROM + "ARG DB_PASSWORD=correct-horse-battery-staple");
        assertThat(v.get(0).message()).contains("`DB_PASSWORD`").contains("corr****").contains("--mount=type=secret");
        assertRedacted(v, "correct-horse-battery-staple");
        assertRedacted(assertCatches(rule, FROM + "ARG CONFIG=AKIAIOSFODNN7EXAMPLE"), "AKIAIOSFODNN7EXAMPLE");
        var n = assertCatches(rule, FROM + "ARG NPM_TOKEN\nRUN npm ci");
        assertThat(n.get(0).message()).contains("`NPM_TOKEN`").contains("--build-arg");
    }
}
