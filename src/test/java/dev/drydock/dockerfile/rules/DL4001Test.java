package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL4001Test {

    private final DL4001 rule = new DL4001();

    @Test
    void hadolintSpec() {
        assertCatches(rule, "FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n");
        assertCatches(rule, "FROM node as foo\nRUN wget my.xyz && curl localhost\n");
        assertPasses(rule, "FROM node as foo\nRUN wget my.xyz\n");
        assertPasses(rule, "FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n");
        assertCatches(rule, "FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl "
                + "localhost\n");
        assertCatchesOnLines(rule, "FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n", 3);
        assertCatchesOnLines(rule,
                "FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n", 3, 5);
    }

    @Test
    void catchesRealWorld() {
        assertCatchesOnLines(rule, "FROM debian:12\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends curl wget\n"
                + "RUN curl -fsSL https://deb.nodesource.com/setup_20.x -o setup.sh\n"
                + "RUN wget -q https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 -O "
                        + "/usr/local/bin/gosu\n",
                4);
        // wrapped and nested commands count
        assertCatches(rule, "FROM debian:12\nRUN sudo wget -q https://x/a && if true; then curl -fsSO "
                + "https://x/b; fi\n");
        assertCatches(rule, "FROM debian:12\nRUN wget -q https://x/a\nRUN <<EOF\ncurl -fsSO https://x/b\nEOF\n");
        // a tool run in a child shell is still installed and used: nginx alpine-slim fetches its signing key
        // with wget and, in the fallback build under `su nobody -c`, the sources with curl. (Hadolint misses
        // this one: ShellCheck leaves the su -c string unparsed.)
        assertCatches(rule, "FROM alpine:3.20\nRUN wget -O /tmp/key.pub https://nginx.org/keys/nginx_signing.rsa.pub "
                + "&& su nobody -s /bin/sh -c \"cd /tmp && curl -f -L -O https://github.com/nginx/pkg-oss/a.tar.gz\"\n");
        assertCatches(rule, "FROM debian:12\nRUN wget -q https://x/a\nRUN sh -c 'curl -fsSO https://x/b'\n");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian:12\nRUN apt-get install -y curl wget\n");      // package names, not commands
        assertPasses(rule, "FROM debian:12\nRUN curl -fsSL https://x | tar xz\nRUN echo 'use wget instead'\n");
        assertPasses(rule, "FROM debian:12\nRUN wget -q https://x\nRUN apk del curl\n");
        assertPasses(rule, "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN wget x; curl y\n");
        assertPasses(rule, "FROM debian:12\nRUN wget -q https://x/a\nONBUILD RUN curl -fsSO https://x/b\n");
    }

    @Test
    void onbuildTriggersAreFoldedOnTheirOwn() {
        assertCatchesOnLines(rule, "FROM debian:12\nONBUILD RUN wget x\nONBUILD RUN curl y\n", 3);
    }

    @Test
    void messageNamesTheToolUsedHere() {
        var v = assertCatches(rule, "FROM debian:12\nRUN wget a\nRUN curl b\n");
        assertThat(v.get(0).message()).contains("Either use Wget or Curl but not both").endsWith("here curl");
    }
}
