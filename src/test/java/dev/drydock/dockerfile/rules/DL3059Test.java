package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3059Test {

    private final DL3059 rule = new DL3059();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "RUN /foo.sh\nRUN /bar.sh");
        assertCatches(rule, "RUN /foo.sh\n# a comment\nRUN /bar.sh");
        assertCatches(rule, "RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh");
        assertCatches(rule, "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh");
        assertCatches(rule, "RUN foo && bar\nRUN foo\nRUN bar");
    }

    @Test
    void catchesRealWorld() {
        assertCatchesOnLines(rule, "RUN apt-get update\nRUN apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*",
                2, 3);
        assertCatchesOnLines(rule, "FROM node:20\nWORKDIR /app\nRUN npm ci\nRUN npm run build", 4);
        assertCatches(rule, "RUN [\"npm\", \"ci\"]\nRUN [\"npm\", \"run\", \"build\"]");
        assertCatches(rule, "RUN sudo apt-get update\nRUN pip install -r requirements.txt");  // a wrapper counts once
    }

    @Test
    void doesNotCatchHadolintSpec() {
        assertPasses(rule, "FROM debian:10");
        assertPasses(rule, "RUN /foo.sh");
        assertPasses(rule, "RUN /foo.sh\nWORKDIR /\nRUN /bar.sh");
        assertPasses(rule, "# a comment\nRUN /foo.sh");
        assertPasses(rule, "RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh");
        assertPasses(rule, "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh");
        assertPasses(rule, "RUN foo && bar\nRUN foobar");
        assertPasses(rule, "RUN foo; bar\nRUN foobar");
        assertPasses(rule, "RUN foobar\nRUN foo && bar");
        assertPasses(rule, "RUN foobar\nRUN foo; bar");
        assertPasses(rule, "RUN foo && bar\nRUN foo; bar");
    }

    @Test
    void doesNotCatchRealWorld() {
        assertPasses(rule, "FROM alpine:3.19 AS a\nRUN echo a\nFROM alpine:3.19\nRUN echo b");    // new stage
        assertPasses(rule, "RUN apt-get update \\\n && apt-get install -y curl\nRUN useradd -m app");
        assertPasses(rule, "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN useradd -m app");
        assertPasses(rule, "RUN curl -fsSL https://example.com/x | sh\nRUN x --version");        // a pipe: 2 commands
        assertPasses(rule, "RUN echo a\nONBUILD RUN echo b");
    }

    @Test
    void messageNamesThePreviousRun() {
        assertThat(assertCatches(rule, "FROM alpine:3.19\nRUN a\nRUN b").get(0).message())
                .isEqualTo("Multiple consecutive `RUN` instructions. Consider consolidation with the RUN on line 2.");
    }
}
