package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3023Test {

    private final DL3023 rule = new DL3023();

    @Test
    void catches() {
        assertCatches(rule, "FROM node:20 AS foo\nCOPY --from=foo bar .\n");
        assertCatches(rule, "FROM node:20 AS Foo\nCOPY --from=foo bar .\n");               // case-insensitive
        assertCatches(rule, "FROM node:20 AS a\nFROM node:20 AS b\nRUN x\nCOPY --from=b /x /y\n");
        assertCatches(rule, "FROM node:20\nFROM nginx:1.25\nCOPY --from=1 /x /y\n");       // own index
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM scratch\nCOPY --from=foo bar .\n");
        assertPasses(rule, "FROM scratch AS foo\nCOPY --from=bar foo .\n");
        assertPasses(rule, "FROM node:20 AS build\nRUN x\nFROM nginx:1.25 AS web\nCOPY --from=build /x /y\n");
        assertPasses(rule, "FROM node:20\nFROM nginx:1.25\nCOPY --from=0 /x /y\n");
        assertPasses(rule, "FROM scratch AS foo\nCOPY --from=foo:1.0 bar .\n");             // an image, not the stage
    }
}
