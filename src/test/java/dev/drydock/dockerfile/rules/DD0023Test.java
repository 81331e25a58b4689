package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0023Test {

    private final DD0023 rule = new DD0023();
    private static final String DIGEST = "sha256:2b3fa8a4e5ec2d6bf2ccb7e2eefe0e87d5b0e6a6a9d1d43f1b6b1c8f3f5e7a9c";

    @Test
    void catches() {
        assertCatches(rule, "COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /uvx /bin/");          // uv's docs
        assertCatches(rule, "COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/");
        assertCatches(rule, "COPY --from=busybox /bin/busybox /busybox");
        assertCatches(rule, "COPY --from=docker.io/library/golang:1.22 /usr/local/go /usr/local/go");
        assertCatches(rule, "COPY --link --from=composer:2 /usr/bin/composer /usr/bin/composer");  // Laravel images
        assertCatches(rule, "COPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/bin/");
        assertCatches(rule, "FROM debian:12-slim\nARG UV_IMAGE=ghcr.io/astral-sh/uv:0.4.18\nCOPY --from=$UV_IMAGE /uv /bin/uv");
        assertCatches(rule, "RUN --mount=type=bind,from=golang:1.22,source=/usr/local/go,target=/go go version");
        assertCatches(rule, "RUN --mount=from=node:22,source=/usr/local/bin/node,target=/n /n --version");
        assertCatches(rule, "ONBUILD COPY --from=nginx:1.27 /etc/nginx /etc/nginx");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM golang:1.22@" + DIGEST + " AS build\nRUN go build -o /app .\n"
                + "FROM scratch\nCOPY --from=build /app /app");
        assertPasses(rule, "FROM golang:1.22@" + DIGEST + " AS Build\nFROM scratch\nCOPY --from=build /app /app");
        assertPasses(rule, "FROM golang:1.22@" + DIGEST + "\nFROM scratch\nCOPY --from=0 /app /app");
        assertPasses(rule, "COPY --from=nginx:1.27@" + DIGEST + " /etc/nginx/nginx.conf /etc/nginx/");
        assertPasses(rule, "COPY --from=ghcr.io/astral-sh/uv@" + DIGEST + " /uv /bin/uv");
        assertPasses(rule, "COPY --from=$UNKNOWN /a /a");                                 // cannot tell
        assertPasses(rule, "COPY app /app");
        assertPasses(rule, "COPY --from=scratch / /");
        assertPasses(rule, "ADD https://example.com/a.tgz /a.tgz");
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt");
        assertPasses(rule, "FROM golang:1.22@" + DIGEST + " AS build\nFROM scratch\n"
                + "RUN --mount=from=build,source=/out,target=/in cp -r /in /out");
        assertPasses(rule, "RUN echo 'COPY --from=nginx:1.27 /a /a'");
        assertPasses(rule, "FROM debian:12-slim\nARG BASE=build\nFROM golang:1.22@" + DIGEST + " AS build\nFROM scratch\n"
                + "ARG BASE\nCOPY --from=${BASE} /app /app");
    }

    @Test
    void messageSaysWhatCanMove() {
        Violation v = lint(rule, "COPY --link --from=nginx:1.27 /etc/nginx /etc/nginx").get(0);
        assertThat(v.message()).isEqualTo("COPY --from=nginx:1.27 is not pinned by digest: the tag 1.27 can move; "
                + "add @sha256:…");
        assertThat(v.position().column()).isEqualTo(13);
        assertThat(lint(rule, "COPY --from=busybox /bin/busybox /busybox").get(0).message())
                .isEqualTo("COPY --from=busybox is not pinned by digest: without a tag it means latest; add @sha256:…");
        assertThat(lint(rule, "RUN --mount=type=bind,from=golang:1.22,target=/go true").get(0).message())
                .startsWith("RUN --mount from=golang:1.22 is not pinned by digest");
    }
}
