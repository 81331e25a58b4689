package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0007Test {

    private static final String DIGEST = "sha256:e3ae8cf03c4f0abbfef13a8147478a7cd92798a94fa729a36a185d9106cbae32";

    private final DD0007 rule = new DD0007();

    @Test
    void catches() {
        assertCatches(rule, "FROM python:3.12-slim");
        assertCatches(rule, "FROM ubuntu");
        assertCatches(rule, "FROM node:20-alpine AS build");
        assertCatches(rule, "FROM --platform=$BUILDPLATFORM golang:1.22 AS build");
        assertCatches(rule, "FROM gcr.io/distroless/static-debian12:nonroot");
        assertCatches(rule, "FROM registry.example.com:5000/team/base:1.4");
        assertCatches(rule, "ARG PY=3.12\nFROM python:${PY}-slim");
        assertCatchesOnLines(rule, "FROM golang:1.22 AS build\nRUN go build -o /app\n"
                + "FROM gcr.io/distroless/static@" + DIGEST + "\nCOPY --from=build /app /app\n", 1);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM python:3.12-slim@" + DIGEST);
        assertPasses(rule, "FROM python@" + DIGEST);
        assertPasses(rule, "FROM scratch");
        assertPasses(rule, "FROM alpine@" + DIGEST + " AS base\nFROM base\nRUN true");   // a stage
        assertPasses(rule, "ARG BASE\nFROM ${BASE}");                                      // unknown
        assertPasses(rule, "ARG BASE=python:3.12@" + DIGEST + "\nFROM ${BASE}");
    }

    @Test
    void messagesTellTagOnlyFromNoTag() {
        assertThat(assertCatches(rule, "FROM python:3.12-slim").get(0).message())
                .contains("`python:3.12-slim`").contains("pinned by tag only");
        assertThat(assertCatches(rule, "FROM ubuntu").get(0).message())
                .contains("`ubuntu`").contains("no tag and no digest").contains("latest");
        var v = assertCatches(rule, "FROM --platform=linux/amd64 python:3.12");
        assertThat(v.get(0).position().column()).isEqualTo(29);
    }
}
