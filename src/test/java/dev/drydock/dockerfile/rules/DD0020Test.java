package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0020Test {

    private final DD0020 rule = new DD0020();

    @Test
    void catches() {
        assertCatches(rule, "ENV DEBIAN_FRONTEND=noninteractive");
        assertCatches(rule, "ENV DEBIAN_FRONTEND noninteractive");                       // legacy form
        assertCatches(rule, "ENV DEBIAN_FRONTEND=\"noninteractive\"");
        assertCatches(rule, "ENV DEBIAN_FRONTEND='noninteractive'");
        assertCatches(rule, "ENV DEBIAN_FRONTEND=Noninteractive");
        assertCatches(rule, "ENV TZ=Etc/UTC \\\n    DEBIAN_FRONTEND=noninteractive \\\n    LANG=C.UTF-8");
        assertCatches(rule, "env DEBIAN_FRONTEND=noninteractive");                       // keywords are case-blind
        assertCatches(rule, "ONBUILD ENV DEBIAN_FRONTEND=noninteractive");
        assertCatches(rule, "FROM ubuntu:24.04 AS base\nENV DEBIAN_FRONTEND=noninteractive\nFROM base\nRUN true");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian:12-slim\nARG DEBIAN_FRONTEND=noninteractive");
        assertPasses(rule, "RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata");
        assertPasses(rule, "RUN export DEBIAN_FRONTEND=noninteractive && apt-get update");
        assertPasses(rule, "ENV DEBIAN_FRONTEND=dialog");
        assertPasses(rule, "ENV DEBIAN_FRONTEND=teletype");
        assertPasses(rule, "ENV DEBIAN_FRONTEND=");
        assertPasses(rule, "ENV debian_frontend=noninteractive");                        // names are case-sensitive
        assertPasses(rule, "ENV NOTE=DEBIAN_FRONTEND=noninteractive");
        assertPasses(rule, "LABEL DEBIAN_FRONTEND=noninteractive");
    }

    @Test
    void messageAndPosition() {
        Violation v = lint(rule, "ENV LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive").get(0);
        assertThat(v.message()).isEqualTo("ENV DEBIAN_FRONTEND=noninteractive stays set in every container and child "
                + "image; use ARG DEBIAN_FRONTEND=noninteractive");
        assertThat(v.position().column()).isEqualTo(18);
    }

    @Test
    void fixTurnsTheEnvIntoAnArg() {
        assertThat(fixed("ENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n"))
                .isEqualTo("ARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n");
        assertThat(fixed("ENV DEBIAN_FRONTEND noninteractive\nRUN apt-get update\n"))
                .isEqualTo("ARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n");
        assertThat(fixed("ENV DEBIAN_FRONTEND=\"noninteractive\"\n"))
                .isEqualTo("ARG DEBIAN_FRONTEND=noninteractive\n");
        assertThat(fixed("env \\\n    DEBIAN_FRONTEND=noninteractive\nRUN true\n"))
                .isEqualTo("ARG DEBIAN_FRONTEND=noninteractive\nRUN true\n");
        assertThat(fixed("FROM ubuntu:24.04 AS build\nENV DEBIAN_FRONTEND=noninteractive\n"
                + "FROM ubuntu:24.04\nCOPY --from=build /out /out\n"))
                .isEqualTo("FROM ubuntu:24.04 AS build\nARG DEBIAN_FRONTEND=noninteractive\n"
                        + "FROM ubuntu:24.04\nCOPY --from=build /out /out\n");
    }

    @Test
    void noFixWhereAnArgWouldChangeMore() {
        // other variables on the same ENV must stay ENV
        assertThat(lint(rule, "ENV TZ=Etc/UTC DEBIAN_FRONTEND=noninteractive").get(0).fixes()).isEmpty();
        // an ARG would not reach the stage built on this one
        assertThat(lint(rule, "FROM ubuntu:24.04 AS base\nENV DEBIAN_FRONTEND=noninteractive\nFROM base\nRUN true")
                .get(0).fixes()).isEmpty();
        // an ONBUILD trigger is not rewritten
        assertThat(lint(rule, "ONBUILD ENV DEBIAN_FRONTEND=noninteractive").get(0).fixes()).isEmpty();
    }

    private String fixed(String snippet) {
        return DD0014Test.fixed(rule, snippet);
    }
}
