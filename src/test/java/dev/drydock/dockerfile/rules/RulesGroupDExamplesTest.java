package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Group D's rules: documented examples behave as documented (what RuleCatalogueTest checks once registered). */
class RulesGroupDExamplesTest {

    static final List<Rule> RULES = List.of(new DD0013(), new DD0014(), new DD0015(), new DD0016(), new DD0017(),
            new DD0018(), new DD0019(), new DD0020(), new DD0021(), new DD0022(), new DD0023(), new DD0024(),
            new DD0025(), new DD0026(), new DD0027(), new DD0028());

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
        return Stream.iterate(0, k -> k < RULES.size(), k -> k + 1).map(k -> DynamicTest.dynamicTest(
                RULES.get(k).info().id(), () -> {
                    assertThat(RULES.get(k).getClass().getSimpleName()).isEqualTo(RULES.get(k).info().id());
                    assertThat(RULES.get(k).info().id()).isEqualTo(String.format("DD%04d", 13 + k));
                }));
    }
}
