package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3015Test {

    private final DL3015 rule = new DL3015();

    @Test
    void catches() {
        assertCatches(rule, "RUN apt-get install python");
        assertCatches(rule, "RUN apt-get update && apt-get install -y curl");
        assertCatches(rule, "RUN apt-get -y install \\\n    ca-certificates \\\n    curl");
        assertCatches(rule, "RUN apt-get install -y -o APT::Install-Recommends=true curl");
        assertCatches(rule, "RUN apt-get install -y curl --no-install-suggests");
        assertCatchesOnLines(rule, "RUN apt-get install -y --no-install-recommends a\nRUN apt-get install -y b\n", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get install -y --no-install-recommends python");
        assertPasses(rule, "RUN apt-get --no-install-recommends install -y python");   // flag before install
        assertPasses(rule, "RUN apt-get install -y python --no-install-recommends");
        assertPasses(rule, "RUN apt-get install -y -o APT::Install-Recommends=false python");
        assertPasses(rule, "RUN apt-get -o APT::Install-Recommends=0 install -y python");
        assertPasses(rule, "RUN apt-get update");
        assertPasses(rule, "RUN echo 'apt-get install curl'");
    }

    @Test
    void fixInsertsFlagAfterInstall() {
        assertThat(RuleTester.fixed(rule, "RUN apt-get update && apt-get install -y curl\n"))
                .isEqualTo("RUN apt-get update && apt-get install --no-install-recommends -y curl\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get -y install \\\n    curl\n"))
                .isEqualTo("RUN apt-get -y install --no-install-recommends \\\n    curl\n");
    }
}
