package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3046Test {

    private final DL3046 rule = new DL3046();

    @Test
    void catches() {
        assertCatches(rule, "RUN useradd -u 123456 luser");                                         // Hadolint spec
        assertCatches(rule, "RUN groupadd -g 100000 app && useradd -r -u 100000 -g app app");
        assertCatches(rule, "RUN useradd --uid 1000000 -m app");
        assertCatches(rule, "RUN useradd --uid=1000000 -m app");
        assertCatches(rule, "RUN useradd -u1000000 app");
        assertCatches(rule, "RUN set -eux; \\\n    useradd --create-home --shell /bin/bash -u 165536 runner");
        assertCatches(rule, "ARG UID=200000\nRUN useradd -u $UID app");                     // ARG default
        assertCatches(rule, "RUN sudo useradd -u 123456 app");                               // through a wrapper
        assertCatches(rule, "RUN <<EOF\nuseradd -u 123456 app\nEOF\n");                     // heredoc
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN useradd luser");                                              // Hadolint spec
        assertPasses(rule, "RUN useradd -u 12345 luser");
        assertPasses(rule, "RUN useradd -l -u 123456 luser");
        assertPasses(rule, "RUN useradd -l luser");
        assertPasses(rule, "RUN useradd --no-log-init -u 123456 app");
        assertPasses(rule, "RUN useradd -lm -u 123456 app");                                 // cluster
        assertPasses(rule, "RUN useradd -u 1000 -m app");
        assertPasses(rule, "ARG UID\nRUN useradd -u ${UID} app");                           // unknown at lint time
        assertPasses(rule, "RUN echo 'useradd -u 123456 app'");
        assertPasses(rule, "RUN adduser -D -u 123456 app");                                 // busybox adduser
    }

    @Test
    void fixAddsL() {
        assertThat(RuleTester.fixed(rule, "RUN useradd -u 123456 -m app\n"))
                .isEqualTo("RUN useradd -l -u 123456 -m app\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get update \\\n && useradd -u 123456 app\n"))
                .isEqualTo("RUN apt-get update \\\n && useradd -l -u 123456 app\n");
    }

    @Test
    void messageNamesTheUid() {
        assertThat(assertCatches(rule, "RUN useradd -u 123456 app").get(0).message()).contains("123456");
    }
}
