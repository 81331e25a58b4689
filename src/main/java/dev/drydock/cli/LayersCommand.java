package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.analyzer.Analysis;
import dev.drydock.image.Platform;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.LayersReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock layers REF}: per-layer sizes, build steps and changes; wasted bytes and efficiency as dive computes them. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = {"Shows an image's layers: digest, size, the build step that made each, files added, modified and removed;"
                + " the image's wasted bytes and efficiency (as dive computes them), the largest files and the largest waste.",
                "REF: docker-archive:FILE[:TAG], oci-archive:FILE[:TAG], oci:DIR[:TAG], a path (detected by content),"
                        + " docker-daemon:NAME, podman:NAME (Engine API over DOCKER_HOST / CONTAINER_HOST unix sockets),"
                        + " or a registry reference [registry/]repo[:tag][@digest] (Docker Hub when no registry is named;"
                        + " logins from --username/--password-stdin or docker login's config.json)."},
        footer = {"", "Exit codes: 0 passed, 1 a CI gate failed, 2 usage error, 3 the image could not be read or is invalid."})
final class LayersCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @Parameters(index = "0", paramLabel = "REF", description = "The image.")
    String ref;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Mixin
    ImageOptions image;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "How many largest files and wasted paths to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--lowest-efficiency", paramLabel = "RATIO", description = "Fail (exit 1) when efficiency is below RATIO (0-1), e.g. 0.95.")
    Double lowestEfficiency;

    @Option(names = "--highest-wasted-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Fail (exit 1) when wasted bytes exceed SIZE, e.g. 20MB, 20MiB, 1000000.")
    Long highestWastedBytes;

    @Option(names = "--highest-user-wasted-percent", paramLabel = "RATIO",
            description = "Fail (exit 1) when wasted bytes over the bytes of all layers but the first exceed RATIO (0-1), e.g. 0.1.")
    Double highestUserWastedPercent;

    @Override
    public Integer call() throws IOException {
        checkRatio("--lowest-efficiency", lowestEfficiency);
        checkRatio("--highest-user-wasted-percent", highestUserWastedPercent);
        if (top < 0) {
            throw new UsageException("--top must not be negative");
        }
        Platform p = image.platform();
        SourceOptions options = image.sourceOptions();
        LayersReport report = Analysis.layersReport(ref, p, image.cache(), top, options);
        report = report.withGates(gates(report.totals()));
        try (Writer w = Targets.writer(output)) {
            if (format == Format.JSON) {
                report.writeJson(w);
                w.write(System.lineSeparator());
            } else {
                report.writeTable(w);
            }
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private List<LayersReport.Gate> gates(LayersReport.Totals t) {
        List<LayersReport.Gate> gates = new ArrayList<>();
        if (lowestEfficiency != null) {
            gates.add(new LayersReport.Gate("lowest-efficiency", String.valueOf(lowestEfficiency),
                    String.format(Locale.ROOT, "%.4f", t.efficiency()), t.efficiency() >= lowestEfficiency));
        }
        if (highestWastedBytes != null) {
            gates.add(new LayersReport.Gate("highest-wasted-bytes", LayersReport.bytes(highestWastedBytes),
                    LayersReport.bytes(t.wastedBytes()), t.wastedBytes() <= highestWastedBytes));
        }
        if (highestUserWastedPercent != null) {
            gates.add(new LayersReport.Gate("highest-user-wasted-percent", String.valueOf(highestUserWastedPercent),
                    String.format(Locale.ROOT, "%.4f", t.userWastedPercent()), t.userWastedPercent() <= highestUserWastedPercent));
        }
        return gates;
    }

    private static void checkRatio(String option, Double v) {
        if (v != null && (v < 0 || v > 1 || v.isNaN())) {
            throw new UsageException(option + " must be between 0 and 1, got " + v);
        }
    }

    /** {@code 20MB} (10^6), {@code 20MiB} (2^20), {@code 1.5GB}, {@code 1000}: humanize.ParseBytes' forms, as dive takes them. */
    static final class ByteSizeConverter implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtp]?i?b?)\\s*", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value);
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 20MB, 20MiB, 1000)");
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgtp".indexOf(unit.charAt(0)) + 1;
            double base = unit.contains("i") ? 1024 : 1000;
            return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
        }
    }
}
