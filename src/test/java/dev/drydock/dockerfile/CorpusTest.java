package dev.drydock.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.dockerfile.rules.Linter;
import dev.drydock.dockerfile.rules.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real Dockerfiles of Docker's official images in {@code ../shared/corpus/dockerfiles}: every one parses, and the
 * findings on them are stable (a golden file). After an intended change of findings, regenerate the golden file with
 * {@code ./mvnw test -Dtest=CorpusTest -Ddrydock.updateGolden=true} and review its diff.
 */
class CorpusTest {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "dockerfiles");
    static final Path GOLDEN = Path.of("src", "test", "resources", "dev", "drydock", "dockerfile", "corpus-findings.golden");

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(Files::isRegularFile).filter(p -> isDockerfileName(p.getFileName().toString())).sorted().toList();
        }
    }

    /** {@code Dockerfile}, {@code Dockerfile.alpine}, {@code 3.12__alpine__Dockerfile.Dockerfile}, {@code api.dockerfile}. */
    static boolean isDockerfileName(String n) {
        String lower = n.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("dockerfile") || lower.endsWith(".dockerfile");
    }

    @Test
    void everyCorpusFileParsesAndFindingsMatchTheGoldenFile() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/dockerfiles absent: corpus test skipped");
        List<Path> files = corpusFiles();
        assertThat(files).as("corpus files").isNotEmpty();
        Linter linter = new Linter(LintConfig.DEFAULT);
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            String name = CORPUS.relativize(f).toString();
            Dockerfile df;
            try {
                df = DockerfileParser.parse(name, Files.readString(f, StandardCharsets.UTF_8));
            } catch (DockerfileSyntaxException e) {
                throw new AssertionError("corpus file does not parse: " + e.getMessage(), e);
            }
            assertThat(df.stages()).as(name + " stages").isNotEmpty();
            // No build context: the corpus folders are not the images' real build contexts.
            for (Violation v : linter.lint(df, null)) {
                lines.add(name + ":" + v.position().line() + ":" + v.position().column() + " " + v.id() + " " + v.severity().label()
                        + " " + v.message());
            }
        }
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("drydock.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file (create it with -Ddrydock.updateGolden=true)").exists();
        assertThat(actual).as("findings on the corpus differ from " + GOLDEN
                + " (if intended: -Ddrydock.updateGolden=true and review the diff)").isEqualTo(Files.readString(GOLDEN));
    }
}
