package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3008Test {

    private final DL3008 rule = new DL3008();

    @Test
    void catches() {
        assertCatches(rule, "RUN apt-get install python");
        assertCatches(rule, "RUN apt-get install -y python=2.7 ruby");
        assertCatches(rule, "RUN apt-get update && apt-get install -y --no-install-recommends \\\n"
                + "        ca-certificates \\\n        curl \\\n    && rm -rf /var/lib/apt/lists/*");
        assertCatches(rule, "RUN apt-get -y -t bookworm-backports install git");
        assertCatches(rule, "RUN sudo apt-get install -qy vim");
        assertCatches(rule, "RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]");
        assertCatches(rule, "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get install python=2.7");
        assertPasses(rule, "RUN apt-get install -y python=2.7 ruby=1:3.1");
        assertPasses(rule, "RUN apt-get install -y ./google-chrome-stable_current_amd64.deb");
        assertPasses(rule, "RUN apt-get install -y /tmp/pkg.deb");
        assertPasses(rule, "RUN apt-get install -y git/bookworm-backports");      // Hadolint: release pin
        assertPasses(rule, "RUN apt-get -t bookworm-backports install -y git=1:2.43.0-1~bpo12+1");
        assertPasses(rule, "RUN apt-get -o Dpkg::Options::=--force-confnew install -y tzdata=2024a-0+deb12u1");
        assertPasses(rule, "RUN apt-get install -y $BUILD_DEPS");                 // unknown until build
        assertPasses(rule, "RUN apt-get update");
        assertPasses(rule, "RUN apt-get -y upgrade");
        assertPasses(rule, "RUN echo \"apt-get install curl\"");
        assertPasses(rule, "RUN apt-get install");
    }

    @Test
    void namesPackagesAndPointsAtTheFirst() {
        var v = assertCatches(rule, "RUN apt-get install -y curl=7.88.1 git wget");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`git`, `wget`").doesNotContain("curl");
        assertThat(v.get(0).position().column()).isEqualTo(36);
    }

    @Test
    void positionFollowsContinuationLines() {
        var v = assertCatches(rule, "RUN apt-get install -y \\\n      curl");
        assertThat(v.get(0).position().line()).isEqualTo(3);   // after the prepended FROM
        assertThat(v.get(0).position().column()).isEqualTo(7);
    }
}
