package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Group C's rules: documented examples behave as documented (what RuleCatalogueTest checks once registered). */
class RulesGroupCExamplesTest {

    static final List<Rule> RULES = List.of(new DL4000(), new DL4001(), new DL4003(), new DL4004(), new DL4005(),
            new DL4006(), new DD0001(), new DD0002(), new DD0003(), new DD0004(), new DD0005(), new DD0006(),
            new DD0007(), new DD0008(), new DD0009(), new DD0010(), new DD0011(), new DD0012());

    /**
     * DD0008 does nothing without an allow-list, and {@link RuleTester#EXAMPLE_SETTINGS} has none; its examples
     * run with this one (to be added to EXAMPLE_SETTINGS when the rule is registered).
     */
    static final LintSettings ALLOWED_BASE_IMAGES = new LintSettings(RuleTester.EXAMPLE_SETTINGS.trustedRegistries(),
            RuleTester.EXAMPLE_SETTINGS.labelSchema(), false, List.of("debian:*", "gcr.io/distroless/**"));

    @TestFactory
    Stream<DynamicTest> failingExampleFailsAndPassingExamplePasses() {
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            RuleInfo i = r.info();
            assertThat(i.title()).isNotBlank();
            assertThat(i.rationale()).isNotBlank();
            assertThat(i.fix()).isNotBlank();
            List<Violation> failing = lintExample(r, i.failing());
            assertThat(failing).as(i.id() + " failing:\n" + i.failing()).isNotEmpty();
            assertThat(lintExample(r, i.passing())).as(i.id() + " passing:\n" + i.passing()).isEmpty();
            if (i.fixable()) {
                assertThat(failing.get(0).fixes()).as(i.id() + " fix").isNotEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> idsAreInOrderAndMatchClassNames() {
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(),
                () -> assertThat(r.getClass().getSimpleName()).isEqualTo(r.info().id())));
    }

    @TestFactory
    Stream<DynamicTest> secretRulesNeverPrintTheirExampleSecret() {
        return Stream.of(new DD0001(), new DD0003()).map(r -> DynamicTest.dynamicTest(r.info().id(),
                () -> {
                    String failing = r.info().failing();
                    String value = failing.substring(failing.indexOf('=') + 1).strip().replace("\"", "");
                    RulesGroupCSecrets.assertRedacted(lintExample(r, failing), value);
                }));
    }

    private static List<Violation> lintExample(Rule r, String snippet) throws IOException {
        if (!(r instanceof DD0008)) {
            return RuleTester.lintExample(r, snippet);
        }
        Path ctx = Files.createTempDirectory("drydock-example-context");
        try {
            return RuleTester.lint(r, snippet, ALLOWED_BASE_IMAGES, ctx);
        } finally {
            Files.deleteIfExists(ctx);
        }
    }
}
