package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.Version;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The canonical golden test: every format written from {@link ScanReportFixture}, compared byte for byte with
 * {@code src/test/resources/report/golden/}. drydock's own version is blanked to {@code ${version}} so a release does
 * not touch the goldens. To regenerate after an intended change:
 * {@code ./mvnw -o test -Dtest=ReportGoldenTest -Ddrydock.updateGolden=true}, then review the diff.
 */
class ReportGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/report/golden");

    static String render(ReportFormat format) throws Exception {
        StringWriter w = new StringWriter();
        format.writer(ScanReportFixture.settings()).write(ScanReportFixture.report(), w);
        return w.toString();
    }

    static String goldenName(ReportFormat f) {
        return "report." + switch (f) {
            case TABLE -> "txt";
            case JSON -> "json";
            case SARIF -> "sarif";
            case CYCLONEDX -> "cdx.json";
            case SPDX -> "spdx.json";
            case JUNIT -> "junit.xml";
            case GITLAB -> "gitlab.json";
            case HTML -> "html";
        };
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void matchesGolden(ReportFormat format) throws Exception {
        String actual = render(format).replace(Version.get(), "${version}");
        Path golden = GOLDEN.resolve(goldenName(format));
        if (Boolean.getBoolean("drydock.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Ddrydock.updateGolden=true)").exists();
        assertThat(actual).as(format + " output differs from " + golden
                + " (if intended: -Ddrydock.updateGolden=true and review the diff)").isEqualTo(Files.readString(golden));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void isDeterministic(ReportFormat format) throws Exception {
        assertThat(render(format)).isEqualTo(render(format));
    }
}
