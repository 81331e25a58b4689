package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DD0008Test {

    private final DD0008 rule = new DD0008();

    private static List<Violation> lint(String snippet, String... allowed) {
        LintSettings settings = new LintSettings(List.of(), Map.of(), false, List.of(allowed));
        return RuleTester.lint(new DD0008(), snippet, settings, null);
    }

    @Test
    void catches() {
        assertThat(lint("FROM python:3.12-slim", "cgr.dev/chainguard/*")).hasSize(1);
        assertThat(lint("FROM cgr.dev/chainguard/python:latest", "cgr.dev/chainguard/node*")).hasSize(1);
        assertThat(lint("FROM "
                + "cgr.dev/chainguard/sub/python:latest", "cgr.dev/chainguard/*")).hasSize(1); // * stays in a component
        assertThat(lint("FROM python:3.11-slim", "python:3.12-*")).hasSize(1);
        assertThat(lint("FROM evil.example.com/python:3.12", "python")).hasSize(1);
        assertThat(lint("FROM golang:1.22 AS build\nRUN go build\nFROM gcr.io/distroless/static\nCOPY "
                + "--from=build /a /a",
                "gcr.io/distroless/**")).hasSize(1);
    }

    @Test
    void doesNotCatch() {
        assertThat(lint("FROM python:3.12-slim")).isEmpty();                                  // no list: any image
        assertThat(lint("FROM cgr.dev/chainguard/python:latest", "cgr.dev/chainguard/*")).isEmpty();
        assertThat(lint("FROM cgr.dev/chainguard/sub/python:latest", "cgr.dev/chainguard/**")).isEmpty();
        assertThat(lint("FROM python:3.12-slim", "python")).isEmpty();                         // any tag
        assertThat(lint("FROM python:3.12-slim", "python:3.12-*")).isEmpty();
        assertThat(lint("FROM python:3.12-slim", "docker.io/library/python:*")).isEmpty();
        assertThat(lint("FROM docker.io/library/python:3.12", "python:3.12")).isEmpty();
        assertThat(lint("FROM bitnami/redis:7.2", "bitnami/*")).isEmpty();
        assertThat(lint("FROM python:3.12@sha256:e3ae8cf03c4f0abbfef13a8147478a7cd92798a94fa729a36a185d9106cbae32",
                "python:3.12")).isEmpty();
        assertThat(lint("FROM scratch", "cgr.dev/chainguard/*")).isEmpty();
        assertThat(lint("FROM cgr.dev/chainguard/go AS b\nFROM b", "cgr.dev/chainguard/*")).isEmpty();
        assertThat(lint("ARG BASE\nFROM ${BASE}", "cgr.dev/chainguard/*")).isEmpty();
    }

    @Test
    void messageNamesImageAndList() {
        var v = lint("FROM python:3.12-slim", "cgr.dev/chainguard/*", "debian:12*");
        assertThat(v.get(0).message()).contains("`python:3.12-slim`").contains("cgr.dev/chainguard/*, debian:12*");
        assertThat(v.get(0).id()).isEqualTo(rule.info().id());
    }
}
