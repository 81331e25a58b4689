package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DL3050Test {

    private final DL3050 rule = new DL3050();
    private static final LintSettings STRICT =
            new LintSettings(List.of(), Map.of("required", "text"), true, List.of());
    private static final LintSettings LENIENT =
            new LintSettings(List.of(), Map.of("required", "text"), false, List.of());

    private List<Violation> lint(String snippet) {
        return RuleTester.lint(rule, snippet, STRICT, null);
    }

    @Test
    void hadolintSpec() {
        assertThat(lint("FROM alpine:3.19")).isEmpty();
        assertThat(lint("LABEL required=\"foo\"")).isEmpty();
        assertThat(lint("LABEL other=\"bar\"")).hasSize(1);
        assertThat(lint("LABEL required=\"foo\" other=\"bar\"")).hasSize(1);
    }

    @Test
    void eachSuperfluousLabelIsNamedAtItsKey() {
        var v = lint("LABEL required=foo \\\n      licence=MIT \\\n      vendor=acme");
        assertThat(v).extracting(Violation::message).containsExactly(
                "Superfluous label `licence` present: it is not in the label schema.",
                "Superfluous label `vendor` present: it is not in the label schema.");
        assertThat(v.get(0).position().line()).isEqualTo(3);
        assertThat(lint("ONBUILD LABEL other=x")).hasSize(1);
    }

    @Test
    void onlyWithStrictLabels() {
        assertThat(RuleTester.lint(rule, "LABEL other=\"bar\"", LENIENT, null)).isEmpty();
        assertThat(RuleTester.lint(rule, "LABEL other=\"bar\"")).isEmpty();
        assertThat(lint("ENV other=bar")).isEmpty();
    }
}
