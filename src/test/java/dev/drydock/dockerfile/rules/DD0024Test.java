package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DD0024Test {

    /** A rule that believes today is {@code date}. */
    private static DD0024 on(String date) {
        return new DD0024(Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC));
    }

    private final DD0024 rule = on("2025-06-15");

    private static List<String> messages(DD0024 rule, String snippet) {
        return RuleTester.lint(rule, snippet).stream().map(Violation::message).toList();
    }

    private void assertCatches(String from) {
        assertThat(messages(rule, from)).as(from).isNotEmpty();
    }

    private void assertPasses(String from) {
        assertThat(messages(rule, from)).as(from).isEmpty();
    }

    @Test
    void catches() {
        assertCatches("FROM python:3.7-slim-buster");
        assertCatches("FROM python:2.7");
        assertCatches("FROM python:3.8-alpine");
        assertCatches("FROM docker.io/library/python:3.8");
        assertCatches("FROM public.ecr.aws/docker/library/node:18-alpine");
        assertCatches("FROM debian:buster");
        assertCatches("FROM debian:stretch-slim");
        assertCatches("FROM debian:10.13");
        assertCatches("FROM debian:10-slim");
        assertCatches("FROM ubuntu:18.04");
        assertCatches("FROM ubuntu:bionic-20230530");
        assertCatches("FROM ubuntu:focal");                               // standard support ended 2025-05-31
        assertCatches("FROM centos:7");
        assertCatches("FROM centos:8");
        assertCatches("FROM centos");
        assertCatches("FROM openjdk:17-jdk-slim");
        assertCatches("FROM node:16-alpine");
        assertCatches("FROM node:gallium");
        assertCatches("FROM node:lts-buster");                          // the Debian variant is past support
        assertCatches("FROM alpine:3.12");
        assertCatches("FROM alpine:3.18.6");
        assertCatches("FROM golang:1.21-alpine");
        assertCatches("FROM golang:1.15");
        assertCatches("FROM golang:1.23-alpine3.18");
        assertCatches("FROM --platform=$BUILDPLATFORM node:14 AS build\nFROM nginx:1.27\nCOPY --from=build /a /a");
        assertCatches("ARG PYTHON_VERSION=3.7\nFROM python:${PYTHON_VERSION}-slim");
    }

    @Test
    void doesNotCatch() {
        assertPasses("FROM python:3.13-slim-bookworm");
        assertPasses("FROM python:3.9-slim");                           // until 2025-10-31
        assertPasses("FROM python:3.12");
        assertPasses("FROM python:3");
        assertPasses("FROM python:latest");
        assertPasses("FROM python");
        assertPasses("FROM ubuntu:24.04");
        assertPasses("FROM ubuntu:22.04");
        assertPasses("FROM debian:bookworm-slim");
        assertPasses("FROM debian:bullseye");                           // LTS until 2026-08-31
        assertPasses("FROM debian:12");
        assertPasses("FROM alpine:3.20");
        assertPasses("FROM node:22-alpine");
        assertPasses("FROM node:20-bookworm-slim");
        assertPasses("FROM node:lts");
        assertPasses("FROM golang:1.24");
        assertPasses("FROM eclipse-temurin:21-jre");
        assertPasses("FROM rockylinux:9");
        assertPasses("FROM bitnami/python:3.7");                        // not the official image
        assertPasses("FROM ghcr.io/acme/node:16");
        assertPasses("FROM scratch");
        assertPasses("FROM python:3.12 AS build\nFROM build");          // a stage
        assertPasses("ARG BASE\nFROM ${BASE}");
        assertPasses("FROM python:3.12\nRUN echo 'FROM python:2.7'");
    }

    @Test
    void messagesNameEveryReasonAndTheDate() {
        List<Violation> v = RuleTester.lint(rule, "FROM python:3.7-slim-buster");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).isEqualTo("python:3.7-slim-buster: Python 3.7 reached end of life on "
                + "2023-06-27; Debian 10 (buster) reached end of life on 2024-06-30; it gets no security updates");
        assertThat(v.get(0).position().column()).isEqualTo(6);
        assertThat(messages(rule, "FROM alpine:3.12")).containsExactly(
                "alpine:3.12: Alpine 3.12 reached end of life by 2022-11-01; it gets no security updates");
        assertThat(messages(rule, "FROM node:16-alpine3.16")).containsExactly("node:16-alpine3.16: Node.js 16 "
                + "reached end of life on 2023-09-11; Alpine 3.16 reached end of life on 2024-05-23; it gets no "
                + "security updates");
        assertThat(messages(rule, "ARG V=3.7\nFROM python:${V}-slim")).containsExactly(
                "python:3.7-slim: Python 3.7 reached end of life on 2023-06-27; it gets no security updates");
    }

    @Test
    void dependsOnTheDate() {
        // Node.js 18: end of life 2025-04-30
        assertThat(messages(on("2025-04-29"), "FROM node:18-alpine")).isEmpty();
        assertThat(messages(on("2025-04-30"), "FROM node:18-alpine")).hasSize(1);
        // Python 3.9: 2025-10-31; Debian 11 LTS: 2026-08-31
        assertThat(messages(on("2025-06-15"), "FROM python:3.9-slim-bullseye")).isEmpty();
        assertThat(messages(on("2025-11-01"), "FROM python:3.9-slim-bullseye")).containsExactly(
                "python:3.9-slim-bullseye: Python 3.9 reached end of life on 2025-10-31; it gets no security updates");
        assertThat(messages(on("2026-09-01"), "FROM python:3.12-slim-bullseye")).containsExactly(
                "python:3.12-slim-bullseye: Debian 11 (bullseye) reached end of life on 2026-08-31; it gets no "
                        + "security updates");
        // long before its end, an old image was fine
        assertThat(messages(on("2019-01-01"), "FROM python:3.7")).isEmpty();
        assertThat(EndOfLife.of("golang", "1.22", LocalDate.parse("2025-02-10"))).isEmpty();
        assertThat(EndOfLife.of("golang", "1.22", LocalDate.parse("2025-02-11"))).hasSize(1);
        // Go 1.24 and 1.25: known by month only, said as "by"
        assertThat(messages(on("2026-03-01"), "FROM golang:1.24-alpine")).singleElement().asString()
                .contains("Go 1.24 reached end of life by 2026-02-28");
        assertThat(messages(on("2026-11-23"), "FROM golang:1.25")).hasSize(1);
        assertThat(messages(on("2026-11-23"), "FROM golang:1.26")).isEmpty();
    }
}
