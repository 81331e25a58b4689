package dev.drydock.cli;

import dev.drydock.image.SourceOptions;
import dev.drydock.secret.SecretConfig;
import dev.drydock.secret.SecretReport;
import dev.drydock.secret.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock secrets REF}: leaked secrets in every layer (deleted files too) and in the image config. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Finds secrets in an image: every text file of every layer, including files a later layer deleted"
                + " or overwrote (still extractable by anyone who pulls the image), and the image config (Env, Labels,"
                + " Entrypoint, Cmd, and the build history with its build arguments). Matches are always redacted.",
                ImageOptions.REF_FORMS},
        footer = {"", "Exit codes: 0 no secret at or above --fail-on, 1 secrets found, 2 usage error,"
                + " 3 the image or the config could not be read or is invalid."})
final class SecretsCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @Parameters(index = "0", paramLabel = "REF", description = "The image.")
    String ref;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "low", paramLabel = "SEVERITY",
            description = "Exit 1 when a secret at least this severe is found: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = SeverityConverter.class)
    Severity failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Custom, allow and disabled secret rules from the `secrets:` key of this YAML file"
                    + " (default: .drydock.yaml or .drydock.yml in the working directory, when there is one).")
    Path config;

    @Mixin
    ImageOptions image;

    @Override
    public Integer call() throws IOException {
        var platform = image.platform();
        SourceOptions options = image.sourceOptions();
        SecretConfig rules = SecretConfig.load(config, Path.of("").toAbsolutePath());
        SecretReport report = SecretReport.scan(ref, platform, image.cache(), options, rules);
        try (Writer w = Targets.writer(output)) {
            if (format == Format.JSON) {
                report.writeJson(w);
                w.write(System.lineSeparator());
            } else {
                report.writeTable(w);
            }
        }
        return report.fails(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** {@code high}, {@code HIGH}: severities in any case. */
    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of critical, high, medium, low");
            }
        }
    }
}
