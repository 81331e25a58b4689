package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3024Test {

    private final DL3024 rule = new DL3024();

    @Test
    void catches() {
        assertCatchesOnLines(rule, "FROM node:20 AS foo\nRUN a\nFROM scratch AS foo\nRUN b\n", 3);
        assertCatchesOnLines(rule, "FROM node:20 AS foo\nFROM node:20 AS FOO\n", 2);            // case-insensitive
        assertCatchesOnLines(rule, "FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n", 2, 3);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM scratch\nRUN foo\n");
        assertPasses(rule, "FROM scratch AS foo\nRUN foo\nFROM scratch AS bar\nRUN bar\n");
        assertPasses(rule, "FROM scratch\nFROM scratch\n");                                      // unnamed stages
        assertPasses(rule, "FROM node:20 AS build\nFROM build\n");
    }

    @Test
    void namesTheFirstStage() {
        var v = assertCatches(rule, "FROM node:20 AS build\nRUN a\nFROM node:20 AS build\n");
        assertThat(v.get(0).message()).contains("`build`").contains("line 1");
    }
}
