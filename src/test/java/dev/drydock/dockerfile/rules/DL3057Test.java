package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3057Test {

    private final DL3057 rule = new DL3057();

    @Test
    void hadolintSpec() {
        assertCatches(rule, "FROM scratch");
        assertPasses(rule, "FROM scratch\nHEALTHCHECK CMD /bin/bla");
        assertPasses(rule, "FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base");
        assertCatches(rule, "FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch");
    }

    @Test
    void catches() {
        assertCatchesOnLines(rule, "FROM nginx:1.25-alpine\nCOPY site/ /usr/share/nginx/html/", 1);
        // only the image built: no container runs from the builder (Hadolint also reports line 1)
        assertCatchesOnLines(rule, "FROM golang:1.22 AS build\nRUN go build -o /app .\n"
                + "FROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD [\"/app\"]", 3);
        assertCatches(rule, "FROM alpine:3.19\nONBUILD HEALTHCHECK CMD true");      // only for child images
        assertCatches(rule, "FROM alpine:3.19\nRUN echo HEALTHCHECK");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM nginx:1.25\nHEALTHCHECK --interval=30s --timeout=3s \\\n"
                + "  CMD curl -f http://localhost/ || exit 1");
        assertPasses(rule, "FROM redis:7\nHEALTHCHECK NONE");                       // explicitly none
        assertPasses(rule, "FROM alpine:3.19 AS base\nHEALTHCHECK CMD true\nFROM base AS mid\nFROM mid");
    }

    @Test
    void message() {
        assertThat(assertCatches(rule, "FROM scratch").get(0).message())
                .isEqualTo("`HEALTHCHECK` instruction missing.");
    }
}
