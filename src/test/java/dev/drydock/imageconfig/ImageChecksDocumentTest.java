package dev.drydock.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/image-checks.md is generated from the check classes. When this fails, regenerate it:
 * {@code ./mvnw -o -q test -Dtest=ImageChecksDocumentTest -Ddrydock.updateDocs=true}.
 */
class ImageChecksDocumentTest {

    @Test
    void docsImageChecksMdIsUpToDate() throws Exception {
        Path doc = Path.of("docs", "image-checks.md");
        String expected = ImageChecksDocument.markdown(ImageChecks.all());
        if (Boolean.getBoolean("drydock.updateDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc)).as("docs/image-checks.md exists").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/image-checks.md is stale: run ./mvnw -o -q test -Dtest=ImageChecksDocumentTest -Ddrydock.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyCheckHasASectionAndTheRegistryIsInIdOrderWithoutGaps() {
        String md = ImageChecksDocument.markdown(ImageChecks.all());
        Set<String> ids = new HashSet<>();
        int n = 1;
        for (ImageCheck c : ImageChecks.all()) {
            CheckInfo i = c.info();
            assertThat(md).contains("\n## " + i.id() + "\n").contains("(#" + i.anchor() + ")");
            assertThat(i.id()).isEqualTo(String.format("DI%04d", n++));
            assertThat(ids.add(i.id())).isTrue();
            assertThat(i.rationale()).as(i.id()).hasSizeGreaterThan(80);
            assertThat(i.fix()).as(i.id()).hasSizeGreaterThan(40);
            assertThat(i.aliases()).as(i.id()).allMatch(a -> a.matches("(CIS-DI|DKL-DI|DKL-LI)-\\d{4}"));
        }
    }
}
