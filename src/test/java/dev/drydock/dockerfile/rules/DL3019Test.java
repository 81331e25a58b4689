package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3019Test {

    private final DL3019 rule = new DL3019();

    @Test
    void catches() {
        assertCatches(rule, "RUN apk add flex=2.6.4-r1");
        assertCatches(rule, "RUN apk update && apk add curl=8.5.0-r0 && rm -rf /var/cache/apk/*");
        assertCatches(rule, "RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0");
        assertCatches(rule, "RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0");
        assertCatches(rule, "RUN apk --update add \\\n    bash=5.2.21-r0");
        assertCatches(rule, "ONBUILD RUN apk add git=2.43.0-r0");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apk add --no-cache flex=2.6.4-r1");
        assertPasses(rule, "RUN apk --no-cache add flex=2.6.4-r1");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/apk/ apk add -U curl=7.77.0");
        assertPasses(rule, "RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0");
        assertPasses(rule, "RUN apk del .build-deps");
        assertPasses(rule, "RUN echo 'apk add curl'");
    }

    @Test
    void fixInsertsNoCacheAfterAdd() {
        assertThat(RuleTester.fixed(rule, "RUN apk add curl=8.5.0-r0\n"))
                .isEqualTo("RUN apk add --no-cache curl=8.5.0-r0\n");
        assertThat(RuleTester.fixed(rule, "RUN apk --update add \\\n    bash=5.2.21-r0 && apk add git=2.43.0-r0\n"))
                .isEqualTo("RUN apk --update add --no-cache \\\n    bash=5.2.21-r0 && apk add --no-cache git=2.43.0-r0\n");
    }
}
