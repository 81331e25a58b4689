package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.Redaction.assertRedacted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0001Test {

    private final DD0001 rule = new DD0001();

    @Test
    void catchesByName() {
        assertCatches(rule, "ENV POSTGRES_PASSWORD=postgres");
        assertCatches(rule, "ENV MYSQL_ROOT_PASSWORD my-secret-pw");                      // legacy form
        assertCatches(rule, "ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertCatches(rule, "ENV NPM_TOKEN=\"00000000-0000-0000-0000-000000000000\"");
        assertCatches(rule, "ENV DJANGO_SECRET_KEY='django-insecure-abc123'");
        assertCatches(rule, "ENV apiKey=abc123def456");
        var v = assertCatches(rule, "ENV NODE_ENV=production \\\n    API_KEY=sk-1234567890abcdef \\\n    PORT=3000");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).position().line()).isEqualTo(3);            // the pair's line, after the pinned FROM
    }

    @Test
    void catchesByShapeWhateverTheName() {
        assertCatches(rule, "ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE");
        assertCatches(rule, "ENV DATABASE_URL=postgres://app:s3cr3tpw@db:5432/app");
        assertCatches(rule, "ENV PIP_INDEX_URL=https://__token__:pypi-AgEIcHlwaS5vcmc@pypi.example.com/simple");
        assertCatches(rule, "ENV CONFIG=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
        assertCatches(rule, "ENV SLACK_HOOK_CFG=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp");
    }

    /** Provider formats come from the image secret scanner's rules: the message names the rule id, never the value. */
    @Test
    void namesTheSecretRuleOfProviderCredentials() {
        String ghp = "ghp_" + "R2d9Kq7LmX4vB8nT1cY6wZ3hJ5pF0sA9eU2g";
        var v = assertCatches(rule, "ENV X=" + ghp);
        assertThat(v.get(0).message()).contains("`X` holds a GitHub personal access token (classic) (secret rule github-pat)")
                .contains("ghp_****").doesNotContain(ghp.substring(4, 10));
        String stripe = "sk_live_" + "51Hq7Kd9LmX4vB8nT1cY6wZ3hJ5pF0sA9eU2gRtY";
        assertThat(assertCatches(rule, "ENV BILLING=" + stripe).get(0).message()).contains("secret rule stripe-");
        String slack = "https://hooks.slack.com/services/" + "T0A1B2C3D/B0A1B2C3D4E/q8Wd9s7Lk2Xb4Vn6Mc1Zr3Ty";
        assertThat(assertCatches(rule, "ENV NOTIFY=" + slack).get(0).message()).contains("secret rule slack-webhook-url");
        // generic names keep their own behaviour
        assertThat(assertCatches(rule, "ENV DB_PASSWORD=s3cr3t-Pa55word").get(0).message())
                .contains("`DB_PASSWORD` is set to a literal value");
    }

    @Test
    void catchesSecretBuildArgumentsCopiedIntoEnv() {
        assertCatches(rule, "ARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN");
        assertCatches(rule, "ARG GITHUB_TOKEN\nENV GH_TOKEN=\"${GITHUB_TOKEN}\"");
        assertCatches(rule, "ARG PIP_PASSWORD\nENV PIP_INDEX_URL=https://ci:${PIP_PASSWORD}@pypi.example.com/simple");
        var v = assertCatches(rule, "ARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN:-}");
        assertThat(v.get(0).message()).contains("`NPM_TOKEN`").contains("build argument");
        assertPasses(rule, "ARG NODE_VERSION\nENV NODE_VERSION=$NODE_VERSION");            // not a secret
        assertPasses(rule, "ENV NPM_TOKEN=$NPM_TOKEN");                                      // no such ARG
        assertPasses(rule, "ENV NPM_TOKEN=$NPM_TOKEN\nARG NPM_TOKEN");                       // ARG comes later
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "ENV PYTHON_VERSION=3.12.4 "
                + "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305");  // python image
        assertPasses(rule, "ENV GPG_KEYS 0A4E8F1A6D2D8B5C4F5B1E5F");
        assertPasses(rule, "ENV MYSQL_ROOT_PASSWORD_FILE=/run/secrets/mysql_root_password");
        assertPasses(rule, "ENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json");
        assertPasses(rule, "ENV DB_PASSWORD=");
        assertPasses(rule, "ENV DB_PASSWORD=$DB_PASSWORD");
        assertPasses(rule, "ENV GITHUB_TOKEN=${GITHUB_TOKEN}");
        assertPasses(rule, "ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app");
        assertPasses(rule, "ENV REGISTRY_URL=https://registry.example.com/v2/");
        assertPasses(rule, "ENV TOKENIZERS_PARALLELISM=false HF_HOME=/cache");
        assertPasses(rule, "ENV PASSWORD_REQUIRED=true");
        assertPasses(rule, "ENV PASSWORD_HASH_ALGO=bcrypt TOKEN_EXPIRATION=3600");
        assertPasses(rule, "ENV TRUSTED_KEYS=\"B42F6819007F00F88E364FD4036A9C25BF357DD4\"");
        assertPasses(rule, "RUN true\nARG DB_PASSWORD=hunter2");                                   // ARG is DD0002
        assertPasses(rule, "RUN export DB_PASSWORD=hunter2");                            // not an ENV
        assertPasses(rule, "LABEL api_key=abcdef123456");
    }

    @Test
    void messagesNameTheVariableAndNeverTheValue() {
        var v = assertCatches(rule, "ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(v.get(0).message()).contains("`AWS_SECRET_ACCESS_KEY`").contains("wJal****");
        assertRedacted(v, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertRedacted(assertCatches(rule, "ENV POSTGRES_PASSWORD=postgres"), "postgres");
        assertRedacted(assertCatches(rule, "ENV DATABASE_URL=postgres://app:s3cr3tpw@db:5432/app"), "s3cr3tpw");
        var gh = assertCatches(rule, "ENV CONFIG=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
        assertThat(gh.get(0).message()).contains("`CONFIG`").contains("a GitHub personal access token (classic) (secret rule github-pat)").contains("ghp_****");
        assertRedacted(gh, "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
    }

    @Test
    void reportsAtTheVariable() {
        var v = assertCatches(rule, "ENV LANG=C.UTF-8 DB_PASSWORD=hunter2");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).position().column()).isEqualTo(18);
    }
}
