package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3021Test {

    private final DL3021 rule = new DL3021();

    @Test
    void catches() {
        assertCatches(rule, "COPY foo bar baz");
        assertCatches(rule, "COPY foo bar \"baz\"");
        assertCatches(rule, "COPY package.json package-lock.json /app");
        assertCatches(rule, "COPY --chown=node:node package.json yarn.lock .");
        assertCatches(rule, "COPY [\"a.txt\", \"b.txt\", \"/dest\"]");
        assertCatches(rule, "FROM debian:12\nARG DEST=/app\nCOPY a b $DEST");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "COPY foo bar baz/");
        assertPasses(rule, "COPY foo bar \"baz/\"");
        assertPasses(rule, "COPY foo bar");
        assertPasses(rule, "COPY package*.json ./");                      // one (glob) source
        assertPasses(rule, "COPY [\"a.txt\", \"b.txt\", \"/dest/\"]");
        assertPasses(rule, "FROM debian:12\nARG DEST=/app/\nCOPY a b $DEST");
        assertPasses(rule, "COPY a b $UNKNOWN");                           // unknown until build
        assertPasses(rule, "ADD a b c");                                   // COPY only, as Hadolint
    }

    @Test
    void pointsAtTheDestination() {
        var v = assertCatches(rule, "COPY a b /app");
        assertThat(v.get(0).position().column()).isEqualTo(10);
        assertThat(v.get(0).message()).contains("2 sources").contains("`/app`");
    }
}
