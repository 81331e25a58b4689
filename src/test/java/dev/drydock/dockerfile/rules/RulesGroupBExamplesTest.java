package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Group B's rules: documented examples behave as documented (what RuleCatalogueTest checks once registered). */
class RulesGroupBExamplesTest {

    static final List<Rule> RULES = List.of(new DL3026(), new DL3027(), new DL3028(), new DL3029(), new DL3030(),
            new DL3031(), new DL3032(), new DL3033(), new DL3034(), new DL3035(), new DL3036(), new DL3037(),
            new DL3038(), new DL3039(), new DL3040(), new DL3041(), new DL3042(), new DL3043());

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
                assertThat(RulesGroupAFixes.fixed(r, i.failing())).as(i.id() + " fixed failing example")
                        .satisfies(fixed -> assertThat(RuleTester.lintExample(r, fixed)).isEmpty());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> idsAreInOrderAndMatchClassNames() {
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(),
                () -> assertThat(r.getClass().getSimpleName()).isEqualTo(r.info().id())));
    }
}
