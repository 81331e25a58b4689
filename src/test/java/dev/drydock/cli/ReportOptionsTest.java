package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Subject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The mixin as a command sees it: picocli parses it, and it writes every report where it was asked to. */
class ReportOptionsTest {

    @Command(name = "scan")
    static final class Scan {
        @Mixin
        ReportOptions report;
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    static ReportOptions parse(String... args) {
        Scan s = new Scan();
        new CommandLine(s).parseArgs(args);
        return s.report;
    }

    static ScanReport report() {
        return new ScanReport(ScanReport.SCHEMA_VERSION, Subject.directory("site"), null, null, null, List.of(), List.of(),
                new ScanReport.Verdict(true, null, List.of(), List.of()));
    }

    @Test
    void writesSeveralFormatsEachToItsFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/report.json");
        Path html = dir.resolve("report.html");
        ReportOptions o = parse("--format", "json=" + json + ",html=" + html);
        o.write(report(), Map.of(), CLOCK, false);
        assertThat(Files.readString(json)).startsWith("{\n  \"schemaVersion\": 1,");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void outputTakesTheFormatWithoutAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("table.txt");
        Path sarif = dir.resolve("r.sarif");
        parse("-f", "table", "--format", "sarif=" + sarif, "-o", out.toString()).write(report(), Map.of(), CLOCK, true);
        assertThat(Files.readString(out)).startsWith("Total: 0 findings").doesNotContain("\u001b[");
        assertThat(Files.readString(sarif)).contains("\"version\": \"2.1.0\"");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() throws Exception {
        assertThat(stdout(parse(), Map.of(), true)).contains("\u001b[");
        assertThat(stdout(parse(), Map.of(), false)).doesNotContain("\u001b[");
        assertThat(stdout(parse(), Map.of("NO_COLOR", "1"), true)).doesNotContain("\u001b[");
        assertThat(stdout(parse("--no-color"), Map.of(), true)).doesNotContain("\u001b[");
        assertThat(stdout(parse("--format", "json"), Map.of(), true)).doesNotContain("\u001b[");
    }

    @Test
    void badFormatsAreUsageErrors() {
        assertThatThrownBy(() -> parse("--format", "pdf").outputs()).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown report format 'pdf'");
    }

    private static String stdout(ReportOptions o, Map<String, String> env, boolean terminal) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            o.write(report(), env, CLOCK, terminal);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
