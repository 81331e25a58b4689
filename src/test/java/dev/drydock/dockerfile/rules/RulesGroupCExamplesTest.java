package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.DockerfileParser;
import dev.drydock.dockerfile.DockerfileSyntaxException;
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

    /** Odd but parseable input: rules report or stay silent, never throw. */
    @TestFactory
    Stream<DynamicTest> oddInputNeverThrows() {
        List<String> odd = List.of("FROM scratch\n", "RUN []\n", "RUN [\"\"]\n", "RUN chmod\n", "RUN chmod -R\n",
                "RUN mkdir -m\n", "RUN curl | \n", "RUN | sh\n", "RUN sh -c\n", "RUN bash <(\n", "RUN echo $(\n",
                "RUN echo `\n", "RUN if then fi | ( \n", "RUN cp\nRUN rm\n", "RUN rm -rf /\n", "RUN > x\n",
                "RUN cat <<EOF\nEOF\n", "RUN <<EOF\nEOF\n", "RUN <<A <<B\na|b\nA\nc|d\nB\n", "COPY a b\n",
                "ADD x y\n", "ADD --checksum https://x /y\n", "COPY --chmod a b\n", "USER\n", "ENV A=\n",
                "LABEL a=\n", "ARG A\n", "MAINTAINER\n", "SHELL []\n", "SHELL [\"\"]\nRUN a | b\n",
                "ONBUILD RUN curl x | sh\n", "FROM a AS b\nFROM b AS c\nFROM c\n", "FROM ${X}\n",
                "ADD git@github.com:a/b.git#\n /x\n", "RUN chmod 7777777 x\n", "RUN chmod ,,, x\n");
        return RULES.stream().map(r -> DynamicTest.dynamicTest(r.info().id(), () -> {
            int linted = 0;
            for (String snippet : odd) {
                Dockerfile df;
                try {
                    df = DockerfileParser.parse("Dockerfile", snippet.startsWith("FROM") ? snippet
                            : RuleTester.PINNED_FROM + snippet);
                } catch (DockerfileSyntaxException e) {
                    continue; // BuildKit rejects it too: rules never see it
                }
                r.check(new LintContext(df, ALLOWED_BASE_IMAGES, null), new Violations(r.info(), df.name()));
                linted++;
            }
            assertThat(linted).isGreaterThan(odd.size() / 2);
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
