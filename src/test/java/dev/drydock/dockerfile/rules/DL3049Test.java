package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DL3049Test {

    private final DL3049 rule = new DL3049();
    private static final LintSettings FOO = new LintSettings(List.of(), Map.of("foo", "text"), false, List.of());

    private List<Violation> lint(String dockerfile) {
        return RuleTester.lint(rule, dockerfile, FOO, null);
    }

    @Test
    void hadolintSpec() {
        assertThat(lint("FROM baseimage")).hasSize(1);
        assertThat(lint("FROM baseimage\nLABEL bar=\"baz\"")).hasSize(1);
        assertThat(lint("FROM baseimage\nLABEL foo=\"bar\"")).isEmpty();
        assertThat(lint("FROM stage1\nFROM stage2")).hasSize(2);
        assertThat(lint("FROM stage1\nLABEL bar=\"baz\"\nFROM stage2\nLABEL buzz=\"fuzz\"")).hasSize(2);
        assertThat(lint("FROM baseimage\nFROM newimage\nLABEL foo=\"bar\"")).hasSize(1);
        assertThat(lint("FROM baseimage\nLABEL baz=\"bar\"\nFROM newimage\nLABEL foo=\"bar\"")).hasSize(1);
        assertThat(lint("FROM baseimage as base\nFROM base\nLABEL foo=\"bar\"")).hasSize(1);
        assertThat(lint("FROM baseimage as base\nLABEL foo=\"bar\"\nFROM base")).isEmpty();
    }

    @Test
    void reportsAtTheFromOfEachStageAndNamesTheLabel() {
        var v = lint("FROM golang:1.22 AS base\nRUN true\nFROM alpine:3.19\nRUN true");
        assertThat(v).extracting(Violation::line).containsExactly(1, 3);
        assertThat(v.get(0).message()).isEqualTo("Label `foo` is missing.");
    }

    @Test
    void eachMissingSchemaLabelIsReported() {
        var schema = new LintSettings(List.of(), Map.of("org.opencontainers.image.source", "url",
                "org.opencontainers.image.version", "semver"), false, List.of());
        var v = RuleTester.lint(rule, "FROM alpine:3.19\nLABEL org.opencontainers.image.version=1.0.0", schema, null);
        assertThat(v).extracting(Violation::message)
                .containsExactly("Label `org.opencontainers.image.source` is missing.");
    }

    @Test
    void builderStagesThatOnlyProvideFilesNeedNoLabels() {
        assertThat(lint("FROM golang:1.22 AS build\nRUN go build -o /app .\n"
                + "FROM gcr.io/distroless/static\nLABEL foo=bar\nCOPY --from=build /app /app")).isEmpty();
        assertThat(lint("FROM golang:1.22\nRUN go build -o /app .\n"
                + "FROM gcr.io/distroless/static\nLABEL foo=bar\nCOPY --from=0 /app /app")).isEmpty();
        assertThat(lint("FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nLABEL foo=bar\n"
                + "RUN --mount=type=bind,from=deps,source=/node_modules,target=/m cp -r /m /app")).isEmpty();
        // COPY --from an image is not a stage
        assertThat(lint("FROM alpine:3.19\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx")).hasSize(1);
    }

    @Test
    void labelsSetByOnbuildOrOtherStagesDoNotCount() {
        assertThat(lint("FROM alpine:3.19\nONBUILD LABEL foo=bar")).hasSize(1);
        assertThat(lint("FROM alpine:3.19 AS a\nLABEL foo=bar\nFROM alpine:3.19\nRUN true")).hasSize(1);
    }

    @Test
    void noSchemaNoFinding() {
        assertThat(RuleTester.lint(rule, "FROM alpine:3.19")).isEmpty();
    }
}
