package dev.drydock.cli;

import dev.drydock.report.ReportFormat;
import dev.drydock.report.ReportFormats;
import dev.drydock.report.ReportSettings;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The report options of the scanning commands ({@code drydock image}, {@code drydock fs}), as a picocli mixin:
 * {@code --format FORMAT[=FILE][,…]}, {@code --output FILE}, {@code --no-color}. {@link #outputs()} checks them (call it
 * before scanning, so a typo fails fast); {@link #write} writes every report.
 */
final class ReportOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]", split = ",",
            description = {"Report format: table (default), json, sarif, cyclonedx, spdx, junit, gitlab, html.",
                    "Several at once, each to its file: --format json=report.json,html=report.html (one may go to stdout or --output)."})
    List<String> formats;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report (the format without its own file) to FILE instead of stdout.")
    Path output;

    @Option(names = "--no-color", description = "Never colour the table (colour is used only when stdout is a terminal and NO_COLOR is unset).")
    boolean noColor;

    /** The reports to write; throws a usage error naming the bad value. */
    List<ReportFormats.Output> outputs() {
        return ReportFormats.parse(formats, output);
    }

    /** Writes every report; the table is coloured only on a terminal's stdout without NO_COLOR. */
    void write(ScanReport report) throws IOException {
        write(report, System.getenv(), Clock.systemUTC(), System.console() != null);
    }

    void write(ScanReport report, Map<String, String> env, Clock clock, boolean stdoutIsTerminal) throws IOException {
        ReportSettings settings = ReportSettings.of(env, clock);
        for (ReportFormats.Output o : outputs()) {
            boolean color = o.toStdout() && o.format() == ReportFormat.TABLE && stdoutIsTerminal && !noColor
                    && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty()); // no-color.org
            if (o.file() != null && o.file().getParent() != null) {
                Files.createDirectories(o.file().getParent());
            }
            try (Writer w = Targets.writer(o.file())) {
                o.format().writer(settings.withColor(color)).write(report, w);
            }
        }
    }
}
