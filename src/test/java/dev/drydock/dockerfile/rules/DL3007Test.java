package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3007Test {

    private final DL3007 rule = new DL3007();

    @Test
    void catches() {
        assertCatches(rule, "FROM debian:latest");
        assertCatches(rule, "FROM debian:latest AS builder");
        assertCatches(rule, "FROM ghcr.io/org/tool:latest");
        assertCatches(rule, "ARG TAG=latest\nFROM node:${TAG}");
        assertCatchesOnLines(rule, "FROM golang:1.22 AS build\nFROM alpine:latest\n", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian:jessie");
        assertPasses(rule, "FROM debian:jessie AS builder");
        assertPasses(rule, "FROM hub.docker.io/debian@sha256:"
                + "7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb");
        assertPasses(rule, "FROM hub.docker.io/debian:latest@sha256:"
                + "7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb");   // digest pins it
        assertPasses(rule, "FROM debian");                 // no tag is DL3006's business
        assertPasses(rule, "FROM scratch");
        assertPasses(rule, "FROM debian:latest-slim-ish");  // a tag that merely starts with latest
        assertPasses(rule, "ARG TAG\nFROM node:${TAG}");
    }
}
