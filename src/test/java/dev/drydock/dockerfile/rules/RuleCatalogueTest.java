package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks every registered rule's metadata, and that its documented examples behave as documented. */
class RuleCatalogueTest {

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rules.all()) {
            assertThat(seen.add(r.info().id())).as("duplicate " + r.info().id()).isTrue();
        }
    }

    @Test
    void registryIsInIdOrder() {
        List<String> ids = Rules.all().stream().map(r -> r.info().id()).toList();
        List<String> sorted = ids.stream().sorted((a, b) -> {
            // DL before DD, then numeric
            int ca = a.startsWith("DL") ? 0 : 1;
            int cb = b.startsWith("DL") ? 0 : 1;
            return ca != cb ? Integer.compare(ca, cb) : a.compareTo(b);
        }).toList();
        assertThat(ids).isEqualTo(sorted);
    }

    @TestFactory
    Stream<DynamicTest> everyRuleIsDocumented() {
        return Rules.all().stream().map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            RuleInfo i = r.info();
            assertThat(i.title()).as("title").isNotBlank();
            assertThat(i.rationale()).as("rationale").isNotBlank();
            assertThat(i.fix()).as("fix").isNotBlank();
            assertThat(i.failing()).as("failing example").isNotBlank();
            assertThat(i.passing()).as("passing example").isNotBlank();
        }));
    }

    @TestFactory
    Stream<DynamicTest> failingExampleFailsAndPassingExamplePasses() {
        return Rules.all().stream().map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            assertThat(RuleTester.lintExample(r, r.info().failing()))
                    .as(r.info().id() + " failing example should be reported:\n" + r.info().failing()).isNotEmpty();
            assertThat(RuleTester.lintExample(r, r.info().passing()))
                    .as(r.info().id() + " passing example should not be reported:\n" + r.info().passing()).isEmpty();
        }));
    }

    /** A fixable rule fixes its own failing example, and the fixed text no longer fails it. */
    @TestFactory
    Stream<DynamicTest> fixableRulesFixTheirFailingExample() {
        return Rules.all().stream().filter(r -> r.info().fixable()).map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            RuleInfo i = r.info();
            assertThat(RuleTester.lintExample(r, i.failing()).get(0).fixes()).as(i.id() + " offers a fix").isNotEmpty();
            String fixed = RuleTester.fixed(r, i.failing());
            assertThat(fixed).as(i.id() + " fix changes the text").isNotEqualTo(i.failing());
            assertThat(RuleTester.lintExample(r, fixed)).as(i.id() + " fixed example:\n" + fixed).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> classIsNamedForItsId() {
        return Rules.all().stream().map(r -> DynamicTest.dynamicTest(r.info().id(),
                () -> assertThat(r.getClass().getSimpleName()).isEqualTo(r.info().id())));
    }
}
