package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3047Test {

    private final DL3047 rule = new DL3047();

    @Test
    void catches() {
        assertCatches(rule, "FROM node as foo\nRUN wget my.xyz");                                   // Hadolint spec
        assertCatches(rule, "RUN wget -O /tmp/go.tgz https://go.dev/dl/go1.22.1.linux-amd64.tar.gz");
        assertCatches(rule, "RUN wget -O- https://example.com/key.asc | gpg --dearmor > /usr/share/keyrings/x.gpg");
        assertCatches(rule, "RUN apt-get update && apt-get install -y wget \\\n && wget https://example.com/a.tgz");
        assertCatches(rule, "RUN [\"wget\", \"https://example.com/a.tgz\"]");
        assertCatches(rule, "RUN wget -nc https://example.com/a.tgz");                              // no-clobber
        assertCatches(rule, "RUN wget --show-progress https://example.com/a.tgz");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM node as foo\nRUN wget --progress=dot:giga my.xyz");              // Hadolint spec
        assertPasses(rule, "FROM node as foo\nRUN wget -q my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget --quiet my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget -nv my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget --no-verbose my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget -o /tmp/wget.log my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz");
        assertPasses(rule, "FROM node as foo\nRUN wget -a /tmp/wget.log my.xyz");
        assertPasses(rule, "RUN wget -qO- https://example.com/install.sh | sh");                   // cluster
        assertPasses(rule, "RUN wget -qO /tmp/a.tgz https://example.com/a.tgz");
        assertPasses(rule, "RUN wget --progress=bar:force:noscroll https://example.com/a.tgz");
        assertPasses(rule, "RUN curl -fsSLO https://example.com/a.tgz");
        assertPasses(rule, "RUN echo 'wget https://example.com/a.tgz'");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN wget https://example.com/a.zip -OutFile a.zip");
    }

    @Test
    void reportsAtWget() {
        var v = assertCatches(rule, "RUN apt-get update && wget https://example.com/a.tgz");
        assertThat(v.get(0).position().column()).isEqualTo(23);
    }
}
