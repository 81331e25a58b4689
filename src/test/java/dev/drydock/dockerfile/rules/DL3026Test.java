package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DL3026Test {

    private final DL3026 rule = new DL3026();

    private static List<Violation> lint(String dockerfile, String... allowed) {
        return RuleTester.lint(new DL3026(), dockerfile, new LintSettings(List.of(allowed), Map.of(), false,
                List.of()), null);
    }

    private static void catches(String dockerfile, String... allowed) {
        assertThat(lint(dockerfile, allowed)).as(dockerfile + " with " + List.of(allowed)).isNotEmpty();
    }

    private static void passes(String dockerfile, String... allowed) {
        assertThat(lint(dockerfile, allowed)).as(dockerfile + " with " + List.of(allowed)).isEmpty();
    }

    @Test
    void catches() {
        catches("FROM random.com/debian", "docker.io");
        catches("FROM x.com/debian", "*.random.com");                         // wildcard does not match
        catches("FROM random.com/debian", "foo.random.com");
        catches("FROM quay.io/prometheus/node-exporter:v1.8.1", "docker.io", "gcr.io");
        catches("FROM ghcr.io/astral-sh/uv:0.4.9 AS uv\nFROM python:3.12-slim", "docker.io");
        catches("FROM localhost:5000/app:1.0", "docker.io");
        catches("FROM python:3.12-slim", "gcr.io");                           // Docker Hub not allowed
        catches("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0",
                "docker.io");
        catches("ARG REGISTRY=quay.io\nFROM ${REGISTRY}/keycloak/keycloak:24.0", "docker.io"); // default expands
    }

    @Test
    void doesNotCatch() {
        passes("FROM random.com/debian");                                     // no allowed registries: rule off
        passes("FROM random.com/debian", "x.com", "random.com");
        passes("FROM scratch", "x.com", "random.com");
        passes("FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\n"
                + "FROM docker.io/zemanlx/ubuntu:18.04 AS builder3", "docker.io");
        passes("FROM random.com/foo AS builder1\nFROM builder1 AS builder2", "random.com");
        passes("FROM foo.random.com/debian", "x.com", "*.random.com");
        passes("FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\n"
                + "FROM docker.io/zemanlx/ubuntu:18.04 AS builder3", "*");
        passes("FROM python:3.12-slim", "hub.docker.com");
        passes("FROM gcr.io/distroless/java21-debian12:nonroot", "docker.io", "gcr.io");
        passes("FROM GCR.IO/distroless/static", "gcr.io");                    // registry host is case-insensitive
        passes("FROM golang:1.22 AS build\nFROM build AS test\nFROM gcr.io/distroless/static", "gcr.io",
                "docker.io");
        passes("ARG BASE\nFROM ${BASE}", "docker.io");                        // unknown image: not reported
    }

    @Test
    void messageNamesImageAndRegistry() {
        var v = lint("FROM quay.io/keycloak/keycloak:24.0", "docker.io");
        assertThat(v).singleElement().satisfies(x -> assertThat(x.message())
                .contains("quay.io/keycloak/keycloak:24.0").contains("`quay.io`").contains("`docker.io`"));
        assertThat(rule.info().severity()).isEqualTo(Severity.ERROR);
        assertThat(lint("FROM --platform=$BUILDPLATFORM quay.io/a/b:1", "docker.io").get(0).position().column())
                .isEqualTo(32);                                                  // at the image, after the flag
    }

    @Test
    void reportsEachForeignStage() {
        var v = lint("FROM quay.io/a/b:1 AS a\nFROM ghcr.io/c/d:2 AS c\nFROM docker.io/library/alpine:3.20",
                "docker.io");
        assertThat(v).extracting(Violation::line).containsExactly(1, 2);
    }
}
