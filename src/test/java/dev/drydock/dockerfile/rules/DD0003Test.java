package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.Redaction.assertRedacted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0003Test {

    private final DD0003 rule = new DD0003();

    @Test
    void catches() {
        assertCatches(rule, "LABEL com.example.api-key=\"abcdef0123456789abcdef\"");
        assertCatches(rule, "LABEL deploy.token=glpat-AbCdEfGhIjKlMnOpQrSt");
        assertCatches(rule, "LABEL registry.password=\"hunter2\"");
        assertCatches(rule, "LABEL maintainer=\"ops\" \\\n      ci.webhook=\"xoxb-123456789012-AbCdEfGhIjKl\"");
        assertCatches(rule, "LABEL source=\"https://ci:glpat-AbCdEf012345@gitlab.example.com/app.git\"");
        assertCatches(rule, "LABEL io.k8s.secret=\"czNjcjN0\"");
        assertCatches(rule, "LABEL config.awsKeyId=AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "LABEL org.opencontainers.image.source=\"https://github.com/example/app\"");
        assertPasses(rule, "LABEL maintainer=\"Jane Doe <jane@example.com>\" version=\"1.2.3\"");
        assertPasses(rule, "LABEL com.example.gpg-key=\"7169605F62C751356D054A26A821E680E5FA6305\"");
        assertPasses(rule, "LABEL com.example.token-url=\"https://auth.example.com/token\"");
        assertPasses(rule, "LABEL com.example.api-key=\"${API_KEY}\"");
        assertPasses(rule, "LABEL description=\"Reads the token from /run/secrets/token\"");
        assertPasses(rule, "ENV API_KEY=abcdef0123456789abcdef");
    }

    @Test
    void messagesNameTheLabelAndNeverTheValue() {
        var v = assertCatches(rule, "LABEL com.example.api-key=\"abcdef0123456789abcdef\"");
        assertThat(v.get(0).message()).contains("`com.example.api-key`").contains("abcd****");
        assertRedacted(v, "abcdef0123456789abcdef");
        assertRedacted(assertCatches(rule, "LABEL registry.password=\"hunter2\""), "hunter2");
    }
}
