package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3014Test {

    private final DL3014 rule = new DL3014();

    @Test
    void catches() {
        assertCatches(rule, "RUN apt-get install python");
        assertCatches(rule, "RUN apt-get install -q python");            // one -q: not enough
        assertCatches(rule, "RUN apt-get install --quiet python");
        assertCatches(rule, "RUN apt-get update && apt-get install --no-install-recommends curl");
        assertCatches(rule, "RUN apt-get -o Dpkg::Options::=--force-confold install curl");
        assertCatches(rule, "RUN apt-get update \\\n && apt-get install \\\n    curl");
        assertCatches(rule, "RUN [\"apt-get\", \"install\", \"curl\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get install -yq python");
        assertPasses(rule, "RUN apt-get install -qy python");            // cluster
        assertPasses(rule, "RUN apt-get install -y python");
        assertPasses(rule, "RUN apt-get -y install python");
        assertPasses(rule, "RUN apt-get --yes install python");
        assertPasses(rule, "RUN apt-get --assume-yes install python");
        assertPasses(rule, "RUN apt-get install -qq python");            // quiet level 2 implies yes
        assertPasses(rule, "RUN apt-get install -q -q python");
        assertPasses(rule, "RUN apt-get install -q=2 python");
        assertPasses(rule, "RUN apt-get install --quiet --quiet python");
        assertPasses(rule, "RUN apt-get -o APT::Get::Assume-Yes=true install python");
        assertPasses(rule, "RUN apt-get update");
        assertPasses(rule, "RUN echo 'apt-get install curl'");
    }

    @Test
    void fixInsertsYesAfterInstall() {
        assertThat(RuleTester.fixed(rule, "RUN apt-get update && apt-get install curl\n"))
                .isEqualTo("RUN apt-get update && apt-get install -y curl\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get update \\\n && apt-get install \\\n    curl\n"))
                .isEqualTo("RUN apt-get update \\\n && apt-get install -y \\\n    curl\n");
        assertThat(RuleTester.fixed(rule,
                "RUN apt-get install curl && \\\n# a comment line\n    apt-get install git\n"))
                .isEqualTo("RUN apt-get install -y curl && \\\n# a comment line\n    apt-get install -y git\n");
    }

    @Test
    void noFixForExecForm() {
        var v = assertCatches(rule, "RUN [\"apt-get\", \"install\", \"curl\"]");
        assertThat(v.get(0).fixes()).isEmpty();
    }
}
