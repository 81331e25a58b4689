package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3009Test {

    private final DL3009 rule = new DL3009();

    @Test
    void catches() {
        assertCatches(rule, "FROM scratch\nRUN apt-get update && apt-get install python\n");
        assertCatches(rule, "FROM ubuntu:22.04 AS foo\nRUN hey\nFROM scratch\n"
                + "RUN apt-get update && apt-get install python\n");                       // last stage
        assertCatches(rule, "FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\n"
                + "FROM foo\nRUN hey\n");                                                  // base of a later stage
        assertCatches(rule, "RUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
        assertCatches(rule, "RUN apt-get clean && apt-get update && apt-get install -y curl && apt-get clean");
        assertCatches(rule, "RUN apt update && apt install -y curl");
        assertCatches(rule, "RUN --mount=type=cache,target=/var/cache/apt \\\n"
                + "    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python");
        assertCatches(rule, "RUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
                + "RUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python");
        assertCatches(rule, "RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update");
        assertCatches(rule, "ONBUILD RUN apt-get update && apt-get install -y curl");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends tk-dev; \\\n\tapt-get dist-clean");   // python:3.14-trixie
        assertPasses(rule, "FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n");
        assertPasses(rule, "FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\n"
                + "FROM scratch\nRUN echo hey!\n");                                        // builder stage not shipped
        assertPasses(rule, "FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\n"
                + "FROM scratch\nCOPY --from=foo /usr/bin/python /python\n");
        assertPasses(rule, "FROM ubuntu:22.04 AS foo\n"
                + "RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey\n");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/lib/apt/lists \\\n"
                + "    apt-get update && apt-get install python");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/lib/apt \\\n"
                + "    --mount=type=cache,target=/var/cache/apt \\\n"
                + "    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n"
                + "    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y gcc");
        assertPasses(rule, "RUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists");
        assertPasses(rule, "RUN apt-get install -y ./local.deb");                    // no update, no lists
        assertPasses(rule, "RUN echo 'apt-get update' > /usr/local/bin/refresh");
    }

    @Test
    void reportsEachRunOnce() {
        assertCatchesOnLines(rule, "RUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get update\n", 1, 3);
    }

    @Test
    void fixAppendsCleanup() {
        assertThat(RuleTester.fixed(rule, "RUN apt-get update && apt-get install -y curl\n"))
                .isEqualTo("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get update \\\n    && apt-get install -y curl\nUSER app\n"))
                .isEqualTo("RUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
                        + "USER app\n");
        assertThat(RuleTester.fixed(rule, "RUN apt-get update && apt-get install -y curl   \n"))
                .isEqualTo("RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*   \n");
    }

    @Test
    void noFixWhereAppendingIsUnsafe() {
        for (String s : new String[] {"RUN apt-get update; apt-get install -y curl;",
                "RUN [\"sh\", \"-c\", \"apt-get update && apt-get install -y curl\"]",
                "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF",
                "RUN apt-get update && apt-get install -y curl # tools"}) {
            var v = assertCatches(rule, s);
            assertThat(v.get(0).fixes()).as(s).isEmpty();
        }
    }
}
