package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3043Test {

    private final DL3043 rule = new DL3043();

    @Test
    void catches() {
        assertCatches(rule, "ONBUILD ONBUILD RUN anything");
        assertCatches(rule, "ONBUILD FROM debian:buster");
        assertCatches(rule, "ONBUILD MAINTAINER \"BoJack Horseman\"");
        assertCatches(rule, "onbuild from debian:buster");                           // keywords are case-insensitive
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "ONBUILD ADD anything anywhere");
        assertPasses(rule, "ONBUILD USER anything");
        assertPasses(rule, "ONBUILD LABEL bla=\"blubb\"");
        assertPasses(rule, "ONBUILD STOPSIGNAL anything");
        assertPasses(rule, "ONBUILD COPY anything anywhere");
        assertPasses(rule, "ONBUILD RUN anything");
        assertPasses(rule, "ONBUILD CMD anything");
        assertPasses(rule, "ONBUILD SHELL [\"/bin/bash\", \"-c\"]");
        assertPasses(rule, "ONBUILD WORKDIR anything");
        assertPasses(rule, "ONBUILD EXPOSE 69");
        assertPasses(rule, "ONBUILD VOLUME anything");
        assertPasses(rule, "ONBUILD ENTRYPOINT anything");
        assertPasses(rule, "ONBUILD ENV MYVAR=\"bla\"");
        assertPasses(rule, "ONBUILD ARG anything");
        assertPasses(rule, "ONBUILD HEALTHCHECK NONE");
        assertPasses(rule, "FROM debian:buster");
        assertPasses(rule, "MAINTAINER \"Some Guy\"");
        assertPasses(rule, "RUN echo 'ONBUILD FROM x'");
    }

    @Test
    void reportsEachForbiddenTrigger() {
        assertCatchesOnLines(rule, "ONBUILD COPY . /app\nONBUILD FROM alpine:3.20\nONBUILD RUN make\n"
                + "ONBUILD MAINTAINER jane", 2, 4);
        assertThat(assertCatches(rule, "ONBUILD ONBUILD RUN make").get(0).message()).contains("chained");
        assertThat(rule.info().severity()).isEqualTo(Severity.ERROR);
    }
}
