package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3006Test {

    private final DL3006 rule = new DL3006();

    @Test
    void catches() {
        assertCatches(rule, "FROM debian");
        assertCatches(rule, "FROM debian AS builder");
        assertCatches(rule, "FROM ghcr.io/org/tool");
        assertCatches(rule, "FROM localhost:5000/app");                  // port, not a tag
        assertCatches(rule, "FROM --platform=$BUILDPLATFORM golang AS build");
        assertCatches(rule, "ARG BASE=python\nFROM ${BASE}");             // ARG default has no tag
        assertCatchesOnLines(rule, "FROM node:20 AS build\nFROM nginx\nCOPY --from=build /a /b\n", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian:jessie");
        assertPasses(rule, "FROM debian:12.5-slim AS base");
        assertPasses(rule, "FROM scratch");
        assertPasses(rule, "FROM debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb");
        assertPasses(rule, "FROM localhost:5000/app:1.0");
        assertPasses(rule, "FROM node:20 AS build\nRUN npm ci\nFROM build\nRUN npm test\n"); // earlier stage
        assertPasses(rule, "FROM node:20 AS Build\nFROM build\n");       // stage names are case-insensitive
        assertPasses(rule, "ARG BASE=python:3.12-slim\nFROM ${BASE}");    // ARG default carries the tag
        assertPasses(rule, "ARG BASE\nFROM ${BASE}");                     // unknown until build time
        assertPasses(rule, "ARG TAG\nFROM python:${TAG}");
        assertPasses(rule, "ARG REGISTRY\nFROM ${REGISTRY}/app:1.0");
    }

    @Test
    void messageShowsExpansion() {
        var v = assertCatches(rule, "ARG BASE=python\nFROM ${BASE}");
        assertThat(v.get(0).message()).contains("${BASE}").contains("python");
    }
}
