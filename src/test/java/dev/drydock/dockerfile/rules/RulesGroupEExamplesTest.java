package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Group E's rules: documented examples behave as documented (what RuleCatalogueTest checks once registered). */
class RulesGroupEExamplesTest {

    static final List<Rule> RULES = List.of(new DL3044(), new DL3045(), new DL3046(), new DL3047(), new DL3048(),
            new DL3049(), new DL3050(), new DL3051(), new DL3052(), new DL3053(), new DL3054(), new DL3055(),
            new DL3056(), new DL3057(), new DL3058(), new DL3059(), new DL3060(), new DL3061(), new DL3062());

    @TestFactory
    Stream<DynamicTest> failingExampleFailsAndPassingExamplePasses() {
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            RuleInfo i = r.info();
            assertThat(i.title()).isNotBlank();
            assertThat(i.rationale()).isNotBlank();
            assertThat(i.fix()).isNotBlank();
            assertThat(RuleTester.lintExample(r, i.failing())).as(i.id() + " failing:\n" + i.failing()).isNotEmpty();
            assertThat(RuleTester.lintExample(r, i.passing())).as(i.id() + " passing:\n" + i.passing()).isEmpty();
            if (i.fixable()) {
                assertThat(RuleTester.lintExample(r, i.failing()).get(0).fixes()).as(i.id() + " fix").isNotEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> idsAreInOrderAndMatchClassNames() {
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(),
                () -> assertThat(r.getClass().getSimpleName()).isEqualTo(r.info().id())));
    }
}
