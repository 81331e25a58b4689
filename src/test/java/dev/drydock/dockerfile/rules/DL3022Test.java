package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3022Test {

    private final DL3022 rule = new DL3022();

    @Test
    void catches() {
        assertCatches(rule, "COPY --from=foo bar .");
        assertCatches(rule, "FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz\n");
        assertCatches(rule, "FROM scratch\nCOPY --from=1 bar .\n");                // no stage 1 yet
        assertCatches(rule, "FROM node:20 AS builder\nFROM nginx:1.25\nCOPY --from=buidler /app/dist /usr/share/nginx/html\n");
        assertCatches(rule, "FROM scratch\nCOPY --from=alpine /etc/passwd /etc/passwd\n");  // image without tag
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=build foo .\nRUN baz\n");
        assertPasses(rule, "COPY --from=haskell:latest bar .");
        assertPasses(rule, "COPY --from=ghcr.io/org/tool /bin/tool /usr/local/bin/");
        assertPasses(rule, "COPY --from=nginx@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb /a /b");
        assertPasses(rule, "FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n");
        assertPasses(rule, "FROM scratch\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n");
        assertPasses(rule, "FROM golang:1.22 AS Build\nFROM scratch\nCOPY --from=build /out /out\n");  // case-insensitive
        assertPasses(rule, "FROM golang:1.22 AS build\nFROM scratch\nARG BUILDER=build\nCOPY --from=${BUILDER} /out /out\n");
        assertPasses(rule, "FROM scratch\nCOPY --from=${TOOLS_IMAGE} /bin/tool /bin/\n");            // unknown until build
        assertPasses(rule, "FROM scratch\nCOPY foo .\n");
    }

    @Test
    void saysWhenTheStageComesLater() {
        var v = assertCatches(rule, "FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\n");
        assertThat(v.get(0).message()).contains("defined after");
        assertThat(v.get(0).position().column()).isEqualTo(6);
    }
}
