package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3027Test {

    private final DL3027 rule = new DL3027();

    @Test
    void catches() {
        assertCatches(rule, "FROM ubuntu\nRUN apt install python");
        assertCatches(rule, "ONBUILD RUN apt install python");
        assertCatches(rule, "RUN apt update && apt install -y curl");
        assertCatches(rule, "RUN apt-get update && apt upgrade -y");
        assertCatches(rule, "RUN set -eux; \\\n    apt update; \\\n    apt install -y --no-install-recommends git");
        assertCatches(rule, "RUN sudo apt install -y vim");
        assertCatches(rule, "RUN /usr/bin/apt install -y vim");
        assertCatches(rule, "RUN [\"apt\", \"install\", \"-y\", \"curl\"]");
        assertCatches(rule, "RUN <<EOF\napt update\napt install -y curl\nEOF");
        assertCatches(rule, "RUN bash -c 'apt install -y curl'");
        assertCatches(rule, "RUN apt search jq");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get install -y python");
        assertPasses(rule, "RUN apt-cache policy curl");
        assertPasses(rule, "RUN echo 'apt install curl'");
        assertPasses(rule, "RUN aptitude install -y curl");
        assertPasses(rule, "RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 0xABC");
        assertPasses(rule, "RUN rm -rf /var/lib/apt/lists/* /etc/apt/apt.conf.d/docker-clean");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN apt install curl");
        assertPasses(rule, "CMD apt install curl");                           // only RUN is checked
    }

    @Test
    void messagesNameTheReplacement() {
        assertThat(assertCatches(rule, "RUN apt install -y curl").get(0).message()).contains("`apt-get install`");
        assertThat(assertCatches(rule, "RUN apt search jq").get(0).message()).contains("`apt-cache search`");
        assertThat(assertCatches(rule, "RUN apt full-upgrade -y").get(0).message()).contains("`apt-get dist-upgrade`");
        assertThat(assertCatches(rule, "RUN apt list --installed").get(0).message()).contains("dpkg-query");
    }

    @Test
    void fixRenamesAptToAptGetWhereTheyBehaveAlike() {
        assertThat(RuleTester.fixed(rule, "RUN apt update && apt install -y curl\n"))
                .isEqualTo("RUN apt-get update && apt-get install -y curl\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get update \\\n && apt \\\n  install -y curl\n"))
                .isEqualTo("RUN apt-get update \\\n && apt-get \\\n  install -y curl\n");
        // apt upgrade may install new packages, apt-get upgrade never does: no automatic rename
        assertThat(RuleTester.fixed(rule, "RUN apt upgrade -y\n")).isEqualTo("RUN apt upgrade -y\n");
        assertThat(RuleTester.fixed(rule, "RUN bash -c 'apt install -y curl'\n"))
                .isEqualTo("RUN bash -c 'apt-get install -y curl'\n");               // inside sh -c, placed exactly
        assertThat(RuleTester.fixed(rule, "RUN [\"apt\", \"install\", \"-y\", \"curl\"]\n"))
                .isEqualTo("RUN [\"apt\", \"install\", \"-y\", \"curl\"]\n");          // exec form: no fix
    }
}
