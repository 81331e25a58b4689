package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0009Test {

    private final DD0009 rule = new DD0009();

    @Test
    void catchesNoUser() {
        assertCatchesOnLines(rule, "FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", "
                + "\"server.js\"]\n", 1);
        assertCatches(rule, "FROM nginx:1.27\nCOPY dist /usr/share/nginx/html\n");
        assertCatches(rule, "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n");        // Dockle reports these too
        // a USER in an unrelated earlier stage does not count
        assertCatchesOnLines(rule, "FROM golang:1.22 AS build\nUSER 1000\nRUN go build -o /out/app\n"
                + "FROM debian:12-slim\nCOPY --from=build /out/app /app\n", 4);
    }

    @Test
    void catchesLastUserRoot() {
        assertCatchesOnLines(rule, "FROM python:3.12\nUSER app\nRUN pip install x\nUSER root\nCMD [\"python\"]\n", 4);
        assertCatches(rule, "FROM python:3.12\nUSER 0\n");
        assertCatches(rule, "FROM python:3.12\nUSER 0:0\n");
        assertCatches(rule, "FROM python:3.12\nUSER root:root\n");
        // inherited through a parent stage
        assertCatchesOnLines(rule, "FROM debian:12 AS base\nUSER root\nFROM base\nRUN apt-get update\n", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM node:20\nCOPY . /app\nUSER node\nCMD [\"node\", \"/app/server.js\"]\n");
        assertPasses(rule, "FROM python:3.12\nUSER root\nRUN apt-get update\nUSER 10001:10001\n");
        assertPasses(rule, "FROM scratch\nCOPY app /app\nUSER 65532:65532\n");
        assertPasses(rule, "FROM debian:12 AS base\nRUN useradd app\nUSER app\nFROM base\nCOPY x /x\n");   // inherited
        assertPasses(rule, "FROM debian:12 AS build\nRUN make\nFROM gcr.io/distroless/static-debian12:nonroot\n"
                + "COPY --from=build /app /app\n");
        assertPasses(rule, "FROM debian:12\nUSER root\nFROM alpine:3.20\nUSER nobody\n");        // only the final stage
        assertPasses(rule, "FROM debian:12\nUSER ${APP_UID}\n");
        assertPasses(rule, "FROM debian:12\nUSER 1000:0\n");                                   // root group only
        // Windows images have another user model (ContainerAdministrator/ContainerUser)
        assertPasses(rule, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n");
        assertPasses(rule, "FROM mcr.microsoft.com/powershell:lts\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host hi\n");
    }

    @Test
    void messagesDifferFromDl3002() {
        var root = assertCatches(rule, "FROM python:3.12\nUSER root\n");
        assertThat(root.get(0).message()).startsWith("the final image runs as root").contains("`root`");
        var none = assertCatches(rule, "FROM python:3.12\nRUN true\n");
        assertThat(none.get(0).message()).contains("sets no USER").contains("`python:3.12`");
        var scratch = assertCatches(rule, "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n");
        assertThat(scratch.get(0).message()).contains("65532");
        var dl3002 = RuleTester.lint(new DL3002(), "FROM python:3.12\nUSER root\n");
        assertThat(dl3002.get(0).message()).isNotEqualTo(root.get(0).message());
    }

    /**
     * A final stage on scratch with no RUN, CMD or ENTRYPOINT is a data-only image (build artefacts, static
     * files, a {@code COPY --from} source for other builds): no process of it ever runs by default, so its user
     * does not matter. As soon as it names a program to run, or runs one while building, it is an image again.
     */
    @Test
    void dataOnlyScratchImagesAreNotReported() {
        assertPasses(rule, "FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM scratch\n"
                + "COPY --from=build /out/app /app\nCOPY config.yaml /config.yaml\n");
        assertPasses(rule, "FROM scratch\nCOPY dist/ /\nLABEL org.opencontainers.image.source=https://github.com/acme/x\n");
        assertPasses(rule, "FROM scratch AS artefacts\nCOPY out/ /\nFROM artefacts\nCOPY more/ /more/\n");
        // …but not once it runs something
        assertCatches(rule, "FROM scratch\nCOPY app /app\nCMD [\"/app\"]\n");
        assertCatches(rule, "FROM scratch AS base\nCOPY app /app\nENTRYPOINT [\"/app\"]\nFROM base\nCOPY x /x\n");
        assertCatches(rule, "FROM scratch\nCOPY --from=busybox:1.36 /bin/busybox /bin/sh\nRUN [\"/bin/sh\", \"-c\", \"id\"]\n");
        assertCatches(rule, "FROM scratch\nCOPY app /app\nUSER root\nENTRYPOINT [\"/app\"]\n");
        // a data-only stage on a real base image still inherits that image's CMD (alpine: /bin/sh)
        assertCatches(rule, "FROM alpine:3.20\nCOPY dist/ /srv/\n");
    }
}
