package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0021Test {

    private final DD0021 rule = new DD0021();

    @Test
    void catches() {
        assertCatches(rule, "RUN apt-get update");
        assertCatches(rule, "RUN apt-get -qq update");
        assertCatches(rule, "RUN apt-get update -y");
        assertCatches(rule, "RUN apt update");
        assertCatches(rule, "RUN sudo apt-get update");
        assertCatches(rule, "RUN apk update");
        assertCatches(rule, "RUN apt-get -o Acquire::Retries=3 update");
        assertCatches(rule, "RUN apt-get install -y curl && apt-get update");            // install before update
        assertCatches(rule, "RUN apt-get update && apk add curl");                       // the other tool's install
        assertCatches(rule, "RUN apt-get update && apt-cache policy curl");
        assertCatches(rule, "RUN apt-get update && echo 'apt-get install -y curl'");     // a string
        assertCatches(rule, "RUN <<EOF\nset -eux\napt-get update\nEOF");
        assertCatches(rule, "RUN [\"apt-get\", \"update\"]");
        assertCatches(rule, "RUN [\"/bin/bash\", \"-c\", \"echo hi && apt-get update\"]");
        assertCatches(rule, "RUN apt-get update || true");
        assertCatchesOnLines(rule, "RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl", 1);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get update && apt-get install -y --no-install-recommends curl");
        assertPasses(rule, "RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl");
        assertPasses(rule, "RUN apt-get update \\\n && apt-get install -y \\\n      ca-certificates \\\n"
                + " && rm -rf /var/lib/apt/lists/*");
        assertPasses(rule, "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata");
        assertPasses(rule, "RUN apt update && apt-get install -y curl");
        assertPasses(rule, "RUN apt-get update && apt-get upgrade -y");
        assertPasses(rule, "RUN apt-get update && apt-get dist-upgrade -y");
        assertPasses(rule, "RUN apt-get update && apt-get build-dep -y python3");
        assertPasses(rule, "RUN apt-get update && xargs apt-get install -y < /packages.txt");
        assertPasses(rule, "RUN apt-get update && sudo apt-get install -y curl");
        assertPasses(rule, "RUN set -eux; apt-get update; if true; then apt-get install -y curl; fi");
        assertPasses(rule, "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF");
        assertPasses(rule, "RUN apk update && apk add curl");
        assertPasses(rule, "RUN [\"/bin/bash\", \"-c\", \"apt-get update && apt-get install -y curl\"]");
        assertPasses(rule, "RUN apt-get update && apt-get install -y $(cat /packages.txt)");
        assertPasses(rule, "RUN apk update && apk upgrade");
        assertPasses(rule, "RUN apk add --no-cache --update curl");
        assertPasses(rule, "RUN echo 'apt-get update' >> /notes");
        assertPasses(rule, "RUN dnf makecache");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN apt-get update");
    }

    @Test
    void messageAndPosition() {
        Violation v = lint(rule, "RUN set -eux; apt-get update").get(0);
        assertThat(v.message()).isEqualTo("apt-get update without apt-get install in the same RUN: the cached index "
                + "goes stale; update and install together");
        assertThat(v.position().column()).isEqualTo(15);
        assertThat(lint(rule, "RUN apk update").get(0).message()).startsWith("apk update without apk add");
    }
}
