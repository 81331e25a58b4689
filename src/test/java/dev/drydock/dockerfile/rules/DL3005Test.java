package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3005Test {

    private final DL3005 rule = new DL3005();

    @Test
    void catches() {
        assertCatches(rule, "RUN apt-get update && apt-get upgrade -y");
        assertCatches(rule, "RUN apt-get update && apt-get -y dist-upgrade");
        assertCatches(rule, "RUN apt-get -qq update && apt-get -qq -y --no-install-recommends upgrade");
        assertCatches(rule, "RUN apt-get -o Dpkg::Options::=--force-confold -y upgrade");
        assertCatches(rule, "RUN apt update && apt full-upgrade -y");
        assertCatches(rule, "RUN set -eux; \\\n    apt-get update; \\\n    apt-get dist-upgrade -y");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get update && apt-get install -y --only-upgrade openssl");
        assertPasses(rule, "RUN echo 'apt-get upgrade' > /tmp/notes");
        assertPasses(rule, "RUN pip install --upgrade pip==24.0");
        assertPasses(rule, "RUN apk upgrade");
        assertPasses(rule, "RUN apt-get install -y upgrade-helper");
    }

    @Test
    void isInfo() {
        assertThat(rule.info().severity()).isEqualTo(Severity.INFO);
        assertThat(rule.info().rationale()).contains("security fixes").contains("reproducible");
    }
}
