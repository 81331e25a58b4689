package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3052Test {

    private final DL3052 rule = new DL3052();

    @Test
    void urls() {
        LabelTypeChecks.check(rule, "urllabel", "url",
                List.of("not-url",                                    // Hadolint spec
                        "github.com/acme/web",                        // no scheme
                        "www.example.com",
                        "https://example.com/a b",                    // space
                        "https:",
                        ""),
                List.of("http://example.com",                         // Hadolint spec
                        "https://github.com/docker-library/official-images",
                        "https://example.com/docs?lang=en#install",
                        "git+ssh://git@github.com/acme/web.git",
                        "mailto:security@example.com"));
    }

    @Test
    void messageNamesLabelAndValue() {
        var v = LabelTypeChecks.lint(rule, "org.opencontainers.image.source", "url",
                "LABEL org.opencontainers.image.title=web \\\n  org.opencontainers.image.source=github.com/acme/web");
        assertThat(v).extracting(Violation::message).containsExactly(
                "Label `org.opencontainers.image.source` is not a valid URL: `github.com/acme/web`.");
        assertThat(v.get(0).position().line()).isEqualTo(3);
    }
}
