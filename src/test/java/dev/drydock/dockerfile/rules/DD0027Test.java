package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0027Test {

    private final DD0027 rule = new DD0027();

    @Test
    void catches() {
        assertCatches(rule, "RUN git clone https://github.com/nodejs/node-gyp.git /opt/node-gyp");
        assertCatches(rule, "RUN git clone --depth 1 https://github.com/nodejs/node-gyp.git");
        assertCatches(rule, "RUN git clone --depth=1 --single-branch https://github.com/acme/app.git");
        assertCatches(rule, "RUN git clone --recursive https://github.com/acme/app.git");
        assertCatches(rule, "RUN git clone --branch main https://github.com/acme/app.git");
        assertCatches(rule, "RUN git clone -b master https://github.com/acme/app.git");
        assertCatches(rule, "RUN git clone -b develop --depth 1 https://github.com/acme/app.git");
        assertCatches(rule, "RUN git -c advice.detachedHead=false clone https://github.com/acme/app.git");
        assertCatches(rule, "RUN git clone https://github.com/acme/app.git && cd app && git checkout main");
        assertCatches(rule, "RUN git clone https://github.com/acme/app.git && git -C app checkout origin/develop");
        assertCatches(rule, "RUN set -eux; \\\n    git clone \\\n      https://github.com/acme/app.git \\\n"
                + "      /src && make -C /src");
        assertCatches(rule, "RUN <<EOF\nset -e\ngit clone https://github.com/acme/app.git /src\nEOF");
        assertCatches(rule, "RUN sh -c 'git clone https://github.com/acme/app.git /src'");
        assertCatches(rule, "RUN [\"git\", \"clone\", \"https://github.com/acme/app.git\"]");
        // a checkout in another stage does not pin this clone
        assertCatchesOnLines(rule, "FROM alpine/git:2.45.2 AS src\nRUN git clone https://github.com/acme/app.git /src\n"
                + "FROM alpine/git:2.45.2\nRUN git clone https://github.com/acme/lib.git /lib && cd /lib "
                + "&& git checkout v1.2.3\nWORKDIR /src\nRUN git checkout main", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN git clone --depth 1 --branch v10.2.0 https://github.com/nodejs/node-gyp.git");
        assertPasses(rule, "RUN git clone -b 1.4.2 https://github.com/acme/app.git");
        assertPasses(rule, "RUN git clone --branch=release-2.4 https://github.com/acme/app.git");
        assertPasses(rule, "FROM debian:12-slim\nARG APP_VERSION=v1.2.3\nRUN git clone --branch \"$APP_VERSION\" https://github.com/acme/app.git");
        assertPasses(rule, "RUN git clone -b ${TAG} https://github.com/acme/app.git");
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git && cd app && git checkout 3f2c1e9");
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git /src && git -C /src checkout ${COMMIT}");
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git && cd app && git reset --hard "
                + "3f2c1e9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c");
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git && cd app && git checkout tags/v2.0.1");
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git && cd app && git switch --detach v2.0.1");
        assertPasses(rule, "RUN git clone --revision=3f2c1e9 https://github.com/acme/app.git");
        // the checkout in a later RUN of the same stage pins it too
        assertPasses(rule, "RUN git clone https://github.com/acme/app.git /src\nWORKDIR /src\nRUN git checkout v1.2.3");
        assertPasses(rule, "RUN echo 'git clone https://github.com/acme/app.git'");
        assertPasses(rule, "RUN git fetch origin && git checkout FETCH_HEAD");
        assertPasses(rule, "RUN git config --global advice.detachedHead false");
        assertPasses(rule, "ADD https://github.com/acme/app.git#v1.2.3 /src");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN git clone https://github.com/acme/app.git");
    }

    @Test
    void messageNamesUrlAndBranch() {
        Violation v = lint(rule, "RUN set -e; git clone -b main https://github.com/acme/app.git /src").get(0);
        assertThat(v.message()).isEqualTo("git clone of https://github.com/acme/app.git follows branch main; clone a "
                + "tag (--branch v1.2.3) or check out a commit");
        assertThat(v.position().column()).isEqualTo(13);
        assertThat(lint(rule, "RUN git clone https://github.com/acme/app.git").get(0).message())
                .contains("follows the default branch");
    }

    @Test
    void messageNeverShowsTheCredentialsOfTheUrl() {
        var v = assertCatches(rule, "RUN git clone https://bob:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/x.git /x");
        Redaction.assertRedacted(v, "ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(v.get(0).message()).contains("https://bob:****@github.com/acme/x.git");
    }
}
