package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Group A's rules: documented examples behave as documented (what RuleCatalogueTest checks once registered). */
class RulesGroupAExamplesTest {

    static final List<Rule> RULES = List.of(new DL3000(), new DL3001(), new DL3002(), new DL3003(), new DL3004(),
            new DL3005(), new DL3006(), new DL3007(), new DL3008(), new DL3009(), new DL3010(), new DL3011(),
            new DL3012(), new DL3013(), new DL3014(), new DL3015(), new DL3016(), new DL3017(), new DL3018(),
            new DL3019(), new DL3020(), new DL3021(), new DL3022(), new DL3023(), new DL3024(), new DL3025());

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
