package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DL3051Test {

    private final DL3051 rule = new DL3051();
    private static final LintSettings SCHEMA = new LintSettings(List.of(),
            Map.of("emptylabel", "text", "org.opencontainers.image.version", "semver"), false, List.of());

    private List<Violation> lint(String snippet) {
        return RuleTester.lint(rule, snippet, SCHEMA, null);
    }

    @Test
    void catches() {
        assertThat(lint("LABEL emptylabel=\"\"")).hasSize(1);                                    // Hadolint spec
        assertThat(lint("LABEL emptylabel=''")).hasSize(1);
        assertThat(lint("LABEL emptylabel=")).hasSize(1);
        assertThat(lint("LABEL emptylabel=\"  \"")).hasSize(1);
        assertThat(lint("LABEL org.opencontainers.image.version=\"\" emptylabel=x")).extracting(Violation::message)
                .containsExactly("Label `org.opencontainers.image.version` is empty.");
    }

    @Test
    void doesNotCatch() {
        assertThat(lint("LABEL emptylabel=\"foo\"")).isEmpty();                                   // Hadolint spec
        assertThat(lint("LABEL other=\"\"")).isEmpty();
        assertThat(lint("ARG VERSION\nLABEL org.opencontainers.image.version=$VERSION")).isEmpty(); // build decides
        assertThat(RuleTester.lint(rule, "LABEL emptylabel=\"\"")).isEmpty();                   // no schema
    }
}
