package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3061Test {

    private final DL3061 rule = new DL3061();

    @Test
    void catches() {
        assertCatches(rule, "LABEL foo=bar\nFROM foo");                                           // Hadolint spec
        assertCatchesOnLines(rule, "ARG VERSION=1.4.2\nLABEL version=$VERSION\nFROM alpine:3.19", 2);
        assertCatchesOnLines(rule, "# build the app\nENV LANG=C.UTF-8\nRUN echo hi\nFROM alpine:3.19", 2, 3);
        assertCatches(rule, "MAINTAINER jane@example.com\nFROM alpine:3.19");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM foo\nLABEL foo=bar");                                            // Hadolint spec
        assertPasses(rule, "ARG A=B\nFROM foo\nLABEL foo=bar");
        assertPasses(rule, "# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13");
        assertPasses(rule, "FROM foo\nARG A=B\nRUN echo bla");
        assertPasses(rule, "# escape=`\nARG BASE=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM $BASE");
        assertPasses(rule, "ARG GO=1.22\nARG ALPINE=3.19\n\n# builder\nFROM golang:${GO}-alpine${ALPINE}");
    }

    @Test
    void message() {
        assertThat(assertCatches(rule, "WORKDIR /app\nFROM alpine:3.19").get(0).message()).isEqualTo(
                "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment: `WORKDIR` comes "
                        + "before the first `FROM`.");
    }
}
