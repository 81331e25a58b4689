package dev.drydock.cli;

import dev.drydock.DrydockException.InputException;
import dev.drydock.DrydockException.UsageException;
import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.DockerfileParser;
import dev.drydock.dockerfile.DockerfileSyntaxException;
import dev.drydock.dockerfile.rules.Fixer;
import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.dockerfile.rules.LintSettings;
import dev.drydock.dockerfile.rules.Linter;
import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.ShellCheck;
import dev.drydock.dockerfile.rules.Violation;
import dev.drydock.policy.ConfigFiles;
import dev.drydock.report.LintReport;
import dev.drydock.report.LintWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code drydock dockerfile PATH...}: lint Dockerfiles. */
@Command(name = "dockerfile", aliases = {"lint"}, mixinStandardHelpOptions = true,
        description = {"Lints Dockerfiles for security and best practice (Hadolint-compatible rule ids and pragmas).",
                "PATH may be a file, a directory (its Dockerfiles and Containerfiles, recursively) or - for stdin."},
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 a file could not be read or parsed."})
final class DockerfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dockerfiles, directories, or - for stdin.")
    List<String> paths;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LintWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when findings are at or above SEVERITY: error, warning, info, style or none (default: warning,"
                    + " or failure-threshold/fail-on from the config).")
    String failOn;

    @Option(names = "--severity", split = ",", paramLabel = "SEVERITY",
            description = "Only report these severities (comma-separated), e.g. --severity error,warning.")
    List<Severity> severities;

    @Option(names = "--ignore", split = ",", paramLabel = "ID", description = "Rule ids to switch off (repeatable, comma-separated).")
    List<String> ignore = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Config file (.drydock.yaml or .hadolint.yaml). Default: .drydock.yaml and .hadolint.yaml found as Hadolint finds its own.")
    Path config;

    @Option(names = "--trusted-registry", split = ",", paramLabel = "REGISTRY",
            description = "Registries FROM may use (DL3026); repeatable.")
    List<String> trustedRegistries = new ArrayList<>();

    @Option(names = "--context", paramLabel = "DIR",
            description = "Build context directory, for .dockerignore checks (default: the Dockerfile's directory; none for stdin).")
    Path context;

    @Option(names = "--fix", description = "Apply safe automatic fixes in place.")
    boolean fix;

    @Option(names = "--diff", description = "With --fix (or alone): print the fixes as a unified diff instead of writing files.")
    boolean diff;

    @Option(names = "--shellcheck", description = "Also run ShellCheck on every RUN script (needs 'shellcheck' on the PATH).")
    boolean shellcheck;

    @Option(names = "--no-color", description = "Never colour the table (colour is used only on terminals; NO_COLOR is respected).")
    boolean noColor;

    @Override
    public Integer call() throws IOException {
        if (fix && paths.contains("-") && !diff) {
            throw new UsageException("--fix cannot rewrite stdin in place; use --diff to print the fixes");
        }
        LintConfig cfg = effectiveConfig();
        Linter linter = shellcheck ? new Linter(cfg).withShellCheck(ShellCheck.require()) : new Linter(cfg);
        List<LintReport.FileResult> results = new ArrayList<>();
        StringBuilder diffs = new StringBuilder();
        for (Inputs.Input in : Inputs.expand(paths)) {
            results.add(lintOne(in, linter, diffs));
        }
        Set<Severity> shown = severities == null || severities.isEmpty() ? EnumSet.allOf(Severity.class) : EnumSet.copyOf(severities);
        List<LintReport.FileResult> filtered = results.stream().map(r -> new LintReport.FileResult(r.path(),
                r.findings().stream().filter(v -> shown.contains(v.severity())).toList(), r.error(), r.errorAt(), r.sourceLines())).toList();
        boolean failed = filtered.stream().anyMatch(r -> linter.fails(r.findings()));
        LintReport report = new LintReport(filtered, cfg.failureThreshold(), failed);
        if (diff) {
            writeTo(diffs.toString());
        } else {
            boolean color = output == null && format == LintWriter.Format.TABLE && !noColor && System.console() != null
                    && System.getenv("NO_COLOR") == null;
            try (Writer w = Targets.writer(output)) {
                format.writer(color).write(report, w);
            }
        }
        if (report.errorCount() > 0) {
            return ExitCodes.INPUT;
        }
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private LintConfig effectiveConfig() {
        LintConfig cfg = ConfigFiles.load(config, Path.of("").toAbsolutePath(), System.getenv());
        cfg = cfg.withIgnored(ignore);
        if (!trustedRegistries.isEmpty()) {
            LintSettings s = cfg.settings();
            cfg = new LintConfig(cfg.ignored(), cfg.severities(),
                    new LintSettings(trustedRegistries, s.labelSchema(), s.strictLabels(), s.allowedBaseImages()), cfg.failureThreshold());
        }
        if (failOn != null) {
            try {
                cfg = new LintConfig(cfg.ignored(), cfg.severities(), cfg.settings(), ConfigFiles.threshold(failOn, "--fail-on", "value"));
            } catch (InputException e) {
                throw new UsageException("--fail-on: unknown severity '" + failOn + "' (expected error, warning, info, style or none)");
            }
        }
        return cfg;
    }

    private LintReport.FileResult lintOne(Inputs.Input in, Linter linter, StringBuilder diffs) {
        String source;
        try {
            source = in.read();
        } catch (InputException e) {
            return new LintReport.FileResult(in.name(), List.of(), e.getMessage(), null, List.of());
        }
        Path ctx = context != null ? context : in.defaultContext();
        try {
            Dockerfile df = DockerfileParser.parse(in.name(), source);
            List<Violation> found = linter.lint(df, ctx);
            if (fix || diff) {
                String fixed = source;
                for (int pass = 0; pass < 3; pass++) {
                    Fixer.Result r = Fixer.apply(fixed, found);
                    if (r.fixed() == 0 || r.text().equals(fixed)) {
                        break;
                    }
                    fixed = r.text();
                    df = DockerfileParser.parse(in.name(), fixed);
                    found = linter.lint(df, ctx);
                }
                if (!fixed.equals(source)) {
                    if (diff) {
                        diffs.append(Fixer.diff(in.name(), source, fixed));
                    } else {
                        try {
                            in.write(fixed);
                        } catch (IOException e) {
                            return new LintReport.FileResult(in.name(), found, "cannot write the fixed file: " + e.getMessage(),
                                    null, df.lines());
                        }
                    }
                }
            }
            return new LintReport.FileResult(in.name(), found, null, null, df.lines());
        } catch (DockerfileSyntaxException e) {
            return new LintReport.FileResult(in.name(), List.of(), e.reason(),
                    new dev.drydock.dockerfile.Position(e.line(), e.column(), 0), List.of(source.split("\r?\n", -1)));
        }
    }

    private void writeTo(String text) throws IOException {
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
    }
}
