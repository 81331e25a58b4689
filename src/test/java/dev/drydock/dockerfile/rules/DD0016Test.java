package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0016Test {

    private final DD0016 rule = new DD0016();

    @Test
    void catches() {
        assertCatches(rule, "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends "
                + "gcc libpq-dev && rm -rf /var/lib/apt/lists/*");
        assertCatches(rule, "FROM alpine:3.20\nRUN apk add --no-cache build-base git");
        assertCatches(rule, "FROM node:22-bookworm\nRUN apt-get update && apt-get install -y g++ make python3");
        assertCatches(rule, "FROM ubuntu:24.04\nRUN apt-get install -y openjdk-17-jdk-headless maven");
        assertCatches(rule, "FROM rockylinux:9\nRUN dnf install -y gcc-c++ python3-devel && dnf clean all");
        assertCatches(rule, "FROM centos:7\nRUN yum install -y gcc make && yum clean all");
        assertCatches(rule, "FROM opensuse/leap:15.6\nRUN zypper install -y gcc");
        assertCatches(rule, "FROM debian:12\nRUN apt-get install -y gcc=4:12.2.0-3 cmake");         // pinned
        assertCatches(rule, "FROM debian:12\nRUN apt-get install -y clang-16 golang-1.22-go");
        assertCatches(rule, "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y build-essential\nEOF");
        assertCatches(rule, "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      autoconf \\\n"
                + "      automake \\\n      libtool");
        // removed only partly
        assertCatches(rule, "FROM debian:12\nRUN apt-get install -y gcc make && apt-get purge -y gcc");
        // autoremove alone does not remove packages installed by name
        assertCatches(rule, "FROM debian:12\nRUN apt-get install -y gcc && apt-get autoremove -y");
        // the .build-deps group is deleted, the separately installed git is not
        assertCatches(rule, "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev "
                + "&& apk add --no-cache git && apk del .build-deps");
        assertCatchesOnLines(rule, "FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get install -y make", 3);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, INFO_PASSING);
        // multi-stage: the tools stay in the build stage
        assertPasses(rule, "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y gcc\n"
                + "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app");
        assertPasses(rule, "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl ca-certificates");
        assertPasses(rule, "FROM debian:12\nRUN apt-get install -y libpq5 python3-pip");
        assertPasses(rule, "FROM debian:12\nRUN echo 'apt-get install -y gcc' > /notes");           // a string
        // removed in the same or a later RUN
        assertPasses(rule, "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev "
                + "&& pip install psycopg2==2.9.9 && apk del .build-deps");
        assertPasses(rule, "FROM alpine:3.20\nRUN apk add -t .bd make\nRUN make -C /src\nRUN apk del .bd");
        assertPasses(rule, "FROM debian:12\nRUN apt-get install -y gcc make\nRUN apt-get remove -y gcc make");
        assertPasses(rule, "FROM rockylinux:9\nRUN dnf install -y gcc && make && dnf remove -y gcc");
        // the official python image: mark everything auto, re-mark the runtime set manual, purge --auto-remove
        assertPasses(rule, "FROM debian:bookworm-slim\nRUN set -eux; \\\n"
                + "    savedAptMark=\"$(apt-mark showmanual)\"; \\\n"
                + "    apt-get update; \\\n"
                + "    apt-get install -y --no-install-recommends dpkg-dev gcc libssl-dev make; \\\n"
                + "    ./configure && make -j \"$(nproc)\" && make install; \\\n"
                + "    apt-mark auto '.*' > /dev/null; \\\n"
                + "    apt-mark manual $savedAptMark; \\\n"
                + "    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\\n"
                + "    rm -rf /var/lib/apt/lists/*");
        assertPasses(rule, "FROM debian:12\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get install -y gcc");
    }

    private static final String INFO_PASSING = DD0016.INFO.passing();

    @Test
    void messageNamesTheRemainingTools() {
        assertThat(lint(rule, "FROM debian:12\nRUN apt-get install -y gcc make curl && apt-get purge -y gcc")
                .get(0).message()).isEqualTo("build tools make installed by apt-get stay in the final image of this "
                        + "single-stage build; build in a separate stage and copy only the result");
        assertThat(DD0016.isTool("libssl-dev")).isTrue();
        assertThat(DD0016.isTool("openjdk-21-jdk")).isTrue();
        assertThat(DD0016.isTool("openjdk-21-jre-headless")).isFalse();
        assertThat(DD0016.isTool("libgcc-s1")).isFalse();
        assertThat(DD0016.isTool("gcc-12")).isTrue();
    }
}
