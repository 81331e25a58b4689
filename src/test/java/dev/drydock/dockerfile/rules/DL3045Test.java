package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3045Test {

    private final DL3045 rule = new DL3045();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "COPY bla.sh blubb.sh");
        assertCatches(rule, "COPY bla.sh \"blubb.sh\"");
        assertCatches(rule, "COPY a b");                                         // single-character paths
        assertCatches(rule, "FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar");
        assertCatches(rule, "FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\\\system32\n"
                + "FROM microsoft/windowsservercore\nCOPY foo bar");
    }

    @Test
    void catchesRealWorld() {
        assertCatches(rule, "FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci");
        assertCatches(rule, "FROM python:3.12-slim\nCOPY . .");
        assertCatches(rule, "FROM eclipse-temurin:21-jre\nCOPY --from=build /app/target/app.jar app.jar");
        assertCatches(rule, "FROM golang:1.22\nCOPY [\"go.mod\", \"go.sum\", \"./\"]");      // exec form
        assertCatches(rule, "FROM alpine:3.19\nCOPY <<EOF app.conf\nlisten 80\nEOF\n");      // heredoc
        // WORKDIR after the COPY does not help it; ONBUILD WORKDIR only applies to child images
        assertCatchesOnLines(rule, "FROM alpine:3.19\nCOPY a.txt a.txt\nWORKDIR /app\nCOPY b.txt b.txt", 2);
        assertCatches(rule, "FROM alpine:3.19\nONBUILD WORKDIR /app\nCOPY a.txt a.txt");
        assertCatches(rule, "FROM alpine:3.19\nONBUILD COPY . src/");
    }

    @Test
    void doesNotCatchHadolintSpec() {
        assertPasses(rule, "COPY bla.sh /usr/local/bin/blubb.sh");
        assertPasses(rule, "COPY bla.sh \"/usr/local/bin/blubb.s\"");
        assertPasses(rule, "COPY bla.sh c:\\\\system32\\\\blubb.sh");
        assertPasses(rule, "COPY bla.sh \"c:\\\\system32\\\\blubb.sh\"");
        assertPasses(rule, "COPY bla.sh c:/system32/blubb.sh");
        assertPasses(rule, "COPY bla.sh d:/mypath/blubb.sh");
        assertPasses(rule, "FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh");
        assertPasses(rule, "FROM scratch\nWORKDIR c:\\\\system32\nCOPY bla.sh blubb.sh");
        assertPasses(rule, "COPY src.sh ${SRC_BASE_ENV}");
        assertPasses(rule, "COPY src.sh $SRC_BASE_ENV");
        assertPasses(rule, "COPY src.sh \"${SRC_BASE_ENV}\"");
        assertPasses(rule, "COPY src.sh \"$SRC_BASE_ENV\"");
        assertPasses(rule, "FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\n"
                + "RUN foo\nFROM base\nCOPY foo bar");
        assertPasses(rule, "FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\n"
                + "FROM base2\nCOPY foo bar");
        assertPasses(rule, "FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar");
    }

    @Test
    void doesNotCatchRealWorld() {
        assertPasses(rule, "FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nCOPY . .");
        assertPasses(rule, "FROM nginx:1.25\nCOPY nginx.conf /etc/nginx/nginx.conf");
        assertPasses(rule, "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n"
                + "FROM gcr.io/distroless/static\nCOPY --from=build /out/app /app");
        assertPasses(rule, "FROM alpine:3.19\nENV APP_HOME=/app\nCOPY . $APP_HOME/");
        assertPasses(rule, "FROM alpine:3.19\nONBUILD COPY . src/\nWORKDIR /app");      // the trigger runs later
        assertPasses(rule, "FROM alpine:3.19\nCOPY --chown=app:app run.sh /usr/local/bin/");
    }

    @Test
    void reportsAtTheDestination() {
        var v = assertCatches(rule, "FROM python:3.12-slim\nCOPY requirements.txt req.txt");
        assertThat(v.get(0).position().line()).isEqualTo(2);
        assertThat(v.get(0).position().column()).isEqualTo(23);
        assertThat(v.get(0).message()).contains("`req.txt`");
    }

    @Test
    void onbuildCopyIsReportedAtItsDestination() {
        var v = assertCatches(rule, "FROM alpine:3.19\nONBUILD COPY . src/");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).position().line()).isEqualTo(2);
        assertThat(v.get(0).position().column()).isEqualTo(16);
    }
}
