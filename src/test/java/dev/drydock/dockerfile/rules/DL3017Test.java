package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3017Test {

    private final DL3017 rule = new DL3017();

    @Test
    void catches() {
        assertCatches(rule, "RUN apk upgrade");
        assertCatches(rule, "RUN apk update && apk upgrade --no-cache");
        assertCatches(rule, "RUN apk --no-cache upgrade && apk add --no-cache curl=8.5.0-r0");
        assertCatches(rule, "RUN apk -U upgrade -a");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apk add --no-cache --upgrade openssl=3.3.2-r0");
        assertPasses(rule, "RUN apk add --no-cache apk-tools");
        assertPasses(rule, "RUN echo 'apk upgrade' >> notes.txt");
        assertPasses(rule, "RUN apt-get upgrade -y");
    }

    @Test
    void isInfo() {
        assertThat(rule.info().severity()).isEqualTo(Severity.INFO);
    }
}
