package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    private static List<ReportFormats.Output> parse(Path output, String... specs) {
        return ReportFormats.parse(specs.length == 0 ? null : List.of(specs), output);
    }

    @Test
    void goodSpecs() {
        // no --format: the table on stdout
        assertThat(parse(null)).containsExactly(new ReportFormats.Output(ReportFormat.TABLE, null));
        assertThat(parse(null, "json")).containsExactly(new ReportFormats.Output(ReportFormat.JSON, null));
        assertThat(parse(null, "SARIF")).containsExactly(new ReportFormats.Output(ReportFormat.SARIF, null));
        assertThat(parse(Path.of("r.json"), "json")).containsExactly(new ReportFormats.Output(ReportFormat.JSON, Path.of("r.json")));
        assertThat(parse(null, "json=out.json,html=out.html")).containsExactly(
                new ReportFormats.Output(ReportFormat.JSON, Path.of("out.json")),
                new ReportFormats.Output(ReportFormat.HTML, Path.of("out.html")));
        // the option repeated, and one format left for stdout
        assertThat(parse(null, "table", "sarif=r.sarif")).containsExactly(
                new ReportFormats.Output(ReportFormat.TABLE, null),
                new ReportFormats.Output(ReportFormat.SARIF, Path.of("r.sarif")));
        // one format to --output, the others to their files
        assertThat(parse(Path.of("t.txt"), "table,junit=junit.xml")).containsExactly(
                new ReportFormats.Output(ReportFormat.TABLE, Path.of("t.txt")),
                new ReportFormats.Output(ReportFormat.JUNIT, Path.of("junit.xml")));
        // FORMAT=- is stdout; spaces around names are forgiven
        assertThat(parse(null, " cyclonedx = - , spdx=sbom.spdx.json")).containsExactly(
                new ReportFormats.Output(ReportFormat.CYCLONEDX, null),
                new ReportFormats.Output(ReportFormat.SPDX, Path.of("sbom.spdx.json")));
    }

    @Test
    void badSpecsSayWhatToWrite() {
        assertThatThrownBy(() -> parse(null, "xml")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--format 'xml': unknown report format 'xml' (choose table, json, sarif, cyclonedx, spdx, junit, gitlab, html)");
        assertThatThrownBy(() -> parse(null, "json,html")).isInstanceOf(UsageException.class)
                .hasMessageContaining("only one format can go to stdout").hasMessageContaining("table,json=report.json");
        assertThatThrownBy(() -> parse(null, "json=")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no file after '='");
        assertThatThrownBy(() -> parse(null, "json,")).isInstanceOf(UsageException.class).hasMessageContaining("empty format name");
        assertThatThrownBy(() -> parse(null, "json=a.json,sarif=./a.json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("two reports would be written to ./a.json");
        assertThatThrownBy(() -> parse(null, "json=-,table")).isInstanceOf(UsageException.class)
                .hasMessageContaining("more than one report would go to stdout");
        assertThatThrownBy(() -> parse(Path.of("x"), "json=a.json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--output x is not used");
    }

    @Test
    void aMalformedSourceDateEpochIsAUsageError() {
        assertThatThrownBy(() -> ReportSettings.of(java.util.Map.of("SOURCE_DATE_EPOCH", "yesterday"), java.time.Clock.systemUTC()))
                .isInstanceOf(UsageException.class).hasMessage("SOURCE_DATE_EPOCH must be seconds since 1970-01-01, got 'yesterday'");
    }
}
