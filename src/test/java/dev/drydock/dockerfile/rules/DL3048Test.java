package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3048Test {

    private final DL3048 rule = new DL3048();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "LABEL com.docker.label=\"foo\"");
        assertCatches(rule, "LABEL io.docker.label=\"foo\"");
        assertCatches(rule, "LABEL org.dockerproject.label=\"foo\"");
        assertCatches(rule, "LABEL invalid$character=\"foo\"");
        assertCatches(rule, "LABEL .invalid=\"foo\"");
        assertCatches(rule, "LABEL -invalid=\"foo\"");
        assertCatches(rule, "LABEL 1invalid=\"foo\"");
        assertCatches(rule, "LABEL invalid..character=\"foo\"");
        assertCatches(rule, "LABEL invalid--character=\"foo\"");
    }

    @Test
    void catchesRealWorld() {
        assertCatches(rule, "LABEL Maintainer=\"Jane Doe <jane@example.com>\"");
        assertCatches(rule, "LABEL MAINTAINER=jane@example.com");
        assertCatches(rule, "LABEL maintainer_email=\"jane@example.com\"");
        assertCatches(rule, "LABEL org.label-schema.build-date=\"2024-03-01\" org.label-schema.vcs_ref=abc123");
        assertCatches(rule, "LABEL version.=\"1.0\"");
        assertCatches(rule, "ONBUILD LABEL Stage=child");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "LABEL org.valid-key.label3=\"foo\"");                        // Hadolint spec
        assertPasses(rule, "LABEL validlabel=\"foo\"");
        assertPasses(rule, "LABEL maintainer=\"Jane Doe <jane@example.com>\"");
        assertPasses(rule, "LABEL org.opencontainers.image.source=\"https://github.com/acme/web\" \\\n"
                + "      org.opencontainers.image.version=\"1.4.2\"");
        assertPasses(rule, "LABEL \"com.example.vendor\"=\"ACME Incorporated\"");
        assertPasses(rule, "LABEL io.k8s.description=\"web\" io.openshift.tags=\"web,nginx\"");
        assertPasses(rule,
                "LABEL description=\"This text illustrates \\\nthat label-values can span multiple lines.\"");
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThat(assertCatches(rule, "LABEL com.docker.label=foo").get(0).message())
                .isEqualTo("Invalid label key `com.docker.label`: the `com.docker.` namespace is reserved for Docker.");
        assertThat(assertCatches(rule, "LABEL Maintainer=x").get(0).message()).contains("lower-case letter");
        assertThat(assertCatches(rule, "LABEL a.b_c=x").get(0).message()).contains("only lower-case letters");
        assertThat(assertCatches(rule, "LABEL a--b=x").get(0).message()).contains("consecutive separators");
    }
}
