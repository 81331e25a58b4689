package dev.drydock.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in rule against the examples written beside it in {@code rules.yaml}: each rule must have at least one
 * text it finds and one it must not, and each is checked with the rule alone (so a more specific rule cannot hide a
 * broken one) and with the whole set (so the shared allow-lists and prefilter are part of the check).
 */
class SecretRulesTest {

    static final SecretRules ALL = SecretRules.builtIn();
    static final SecretScanner EVERYTHING = new SecretScanner(ALL);

    @Test
    void atLeast150RulesEachWithTrueAndFalseExamples() {
        assertThat(ALL.rules()).hasSizeGreaterThanOrEqualTo(150);
        for (SecretRule r : ALL.rules()) {
            assertThat(r.examples().positive()).as(r.id() + ": true examples").isNotEmpty();
            assertThat(r.examples().negative()).as(r.id() + ": false examples").isNotEmpty();
        }
    }

    static String pathFor(SecretRule r) {
        for (String p : List.of("app/.pypirc", "root/.git-credentials", "app/config.env")) {
            if (r.appliesTo(p)) {
                return p;
            }
        }
        throw new AssertionError(r.id() + ": no example path matches its path filters");
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFindsItsTrueExamplesAndNotItsFalseOnes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SecretRule r : ALL.rules()) {
            SecretScanner alone = new SecretScanner(new SecretRules(List.of(r), ALL.allowValues(), ALL.allowPaths(), 0));
            String path = pathFor(r);
            tests.add(DynamicTest.dynamicTest(r.id(), () -> {
                for (String t : r.examples().positive()) {
                    assertThat(alone.scanText(path, t)).as(r.id() + " must find: " + t)
                            .anyMatch(h -> h.rule().equals(r.id()));
                    assertThat(EVERYTHING.scanText(path, t)).as("the rule set must find something in: " + t).isNotEmpty();
                }
                for (String f : r.examples().negative()) {
                    assertThat(alone.scanText(path, f)).as(r.id() + " must not find: " + f)
                            .noneMatch(h -> h.rule().equals(r.id()));
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void redactionNeverShowsMoreThanFourCharacters() {
        for (SecretRule r : ALL.rules()) {
            for (String t : r.examples().positive()) {
                for (SecretHit h : EVERYTHING.scanText(pathFor(r), t)) {
                    assertThat(h.match()).endsWith("****");
                    assertThat(h.match().length()).isLessThanOrEqualTo(8);
                }
            }
        }
        assertThat(Redaction.redact("ghp_0123456789abcdef")).isEqualTo("ghp_****");
        assertThat(Redaction.redact("hunter2")).isEqualTo("hu****");
        assertThat(Redaction.redact("")).isEqualTo("****");
    }
}
