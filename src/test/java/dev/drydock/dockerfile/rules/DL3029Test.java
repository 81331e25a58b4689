package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3029Test {

    private final DL3029 rule = new DL3029();

    @Test
    void catches() {
        assertCatches(rule, "FROM --platform=linux debian:jessie");
        assertCatches(rule, "FROM --platform=linux/amd64 node:20-alpine AS deps");
        assertCatches(rule, "FROM --platform=linux/arm64/v8 python:3.12-slim");
        assertCatches(rule, "ARG ARCH=linux/amd64\nFROM --platform=$ARCH alpine:3.20");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian:jessie");
        assertPasses(rule, "FROM --platform=$BUILDPLATFORM debian:jessie");
        assertPasses(rule, "FROM --platform=\"$BUILDPLATFORM\" debian:jessie");
        assertPasses(rule, "FROM --platform=${BUILDPLATFORM} debian:jessie");
        assertPasses(rule, "FROM --platform=${BUILDPLATFORM:-} debian:jessie");
        assertPasses(rule, "FROM --platform=\"${BUILDPLATFORM:-}\" debian:jessie");
        assertPasses(rule, "FROM --platform=$TARGETPLATFORM debian:jessie");
        assertPasses(rule, "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "ARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n"
                + "FROM gcr.io/distroless/static\nCOPY --from=build /app /app");
    }

    @Test
    void reportsAtTheFlagOfEachPinnedStage() {
        assertCatchesOnLines(rule, "FROM --platform=linux/amd64 golang:1.22 AS build\n"
                + "FROM --platform=$BUILDPLATFORM node:20 AS web\nFROM --platform=linux/amd64 alpine:3.20", 1, 3);
        var v = assertCatches(rule, "FROM --platform=linux/amd64 alpine:3.20");
        assertThat(v.get(0).position().column()).isEqualTo(6);
        assertThat(v.get(0).message()).contains("`linux/amd64`");
    }
}
