package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Runs a label-type rule (DL3052–DL3058) with a one-label schema, as Hadolint's specs do. */
final class LabelTypeChecks {

    private LabelTypeChecks() {
    }

    static List<Violation> lint(Rule rule, String label, String type, String snippet) {
        return RuleTester.lint(rule, snippet, new LintSettings(List.of(), Map.of(label, type), false, List.of()), null);
    }

    /** Asserts which values of {@code label} (typed {@code type}) the rule rejects and which it accepts. */
    static void check(Rule rule, String label, String type, List<String> bad, List<String> good) {
        for (String v : bad) {
            assertThat(lint(rule, label, type, "LABEL " + label + "=\"" + v + "\""))
                    .as(rule.info().id() + " should reject " + v).hasSize(1);
        }
        for (String v : good) {
            assertThat(lint(rule, label, type, "LABEL " + label + "=\"" + v + "\""))
                    .as(rule.info().id() + " should accept " + v).isEmpty();
        }
        assertThat(lint(rule, label, type, "LABEL other=\"" + bad.get(0) + "\"")).as("other label").isEmpty();
        assertThat(lint(rule, label, type, "LABEL " + label + "=$FROM_BUILD_ARG")).as("variable").isEmpty();
        assertThat(RuleTester.lint(rule, "LABEL " + label + "=\"" + bad.get(0) + "\"")).as("no schema").isEmpty();
    }
}
