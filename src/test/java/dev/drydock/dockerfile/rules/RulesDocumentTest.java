package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rule classes. When this fails, regenerate it:
 * {@code bin/drydock rules --markdown > docs/rules.md} (or run the tests with {@code -Ddrydock.updateDocs=true}).
 */
class RulesDocumentTest {

    @Test
    void docsRulesMdIsUpToDate() throws Exception {
        Path doc = Path.of("docs", "rules.md");
        String expected = RulesDocument.markdown(Rules.all());
        if (Boolean.getBoolean("drydock.updateDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc)).as("docs/rules.md exists").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale: run bin/drydock rules --markdown > docs/rules.md")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleHasASectionWithItsAnchor() {
        String md = RulesDocument.markdown(Rules.all());
        for (Rule r : Rules.all()) {
            assertThat(md).contains("\n## " + r.info().id() + "\n").contains("(#" + r.info().anchor() + ")");
        }
    }
}
