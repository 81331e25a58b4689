package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.policy.Ignores;
import dev.drydock.policy.ImageFacts;
import dev.drydock.policy.Policy;
import dev.drydock.policy.PolicyConfig;
import dev.drydock.policy.PolicyConfigs;
import dev.drydock.policy.Vex;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The policy options of the scanning commands ({@code drydock image}, {@code drydock fs}), a picocli mixin:
 * {@link #load} reads and checks the config, ignore file and VEX documents (a bad file is an input error, exit 3;
 * bad option values a usage error, exit 2), {@link #exitCode} turns the verdict into the exit code.
 *
 * <pre>
 * &#64;Mixin PolicyOptions policy;
 * ...
 * PolicyOptions.Inputs in = policy.load(Path.of("").toAbsolutePath());   // before scanning: fail fast on bad files
 * ScanReport report = in.apply(scanned, Clock.systemUTC(), ImageFacts.of(image.config(), scanned));
 * return policy.exitCode(report);
 * </pre>
 */
public final class PolicyOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Policy and settings (default: .drydock.yaml or .drydock.yml in the working directory; see docs/policy.md).")
    Path config;

    @Option(names = "--ignorefile", paramLabel = "FILE",
            description = "Accepted findings with reasons and expiry dates (default: .drydockignore, else .trivyignore, in the working directory).")
    Path ignoreFile;

    @Option(names = "--vex", paramLabel = "FILE",
            description = "An OpenVEX or CycloneDX VEX document; not_affected and fixed statements suppress findings (repeatable).")
    List<Path> vex = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail when unsuppressed findings are at or above SEVERITY: critical, high, medium, low, unknown or none"
                    + " (default: fail-on from the config, else none).")
    String failOn;

    @Option(names = "--ignore-unfixed", description = "Suppress vulnerabilities that have no fixed version yet.")
    boolean ignoreUnfixed;

    @Option(names = "--exit-code", paramLabel = "N", defaultValue = "1",
            description = "The exit code when the policy fails (default: ${DEFAULT-VALUE}; 0 reports without failing).")
    int exitCode;

    /** Everything {@link Policy#apply} needs besides the report. */
    public record Inputs(PolicyConfig config, Ignores ignores, List<Vex> vex) {
        public Inputs {
            vex = List.copyOf(vex);
        }

        public ScanReport apply(ScanReport report, Clock clock, ImageFacts facts) {
            return Policy.apply(report, config, ignores, vex, clock, facts);
        }
    }

    /** Checks the options and reads every file they name, relative to {@code workDir}. */
    public Inputs load(Path workDir) {
        if (exitCode < 0 || exitCode > 255) {
            throw new UsageException("--exit-code must be between 0 and 255, got " + exitCode);
        }
        PolicyConfig cfg = PolicyConfigs.load(config, workDir);
        if (failOn != null) {
            String v = failOn.strip().toLowerCase(Locale.ROOT);
            Severity s = PolicyConfigs.parseSeverity(v);
            if (s == null && !v.equals("none")) {
                throw new UsageException("--fail-on: unknown severity '" + failOn + "' (expected critical, high, medium, low, unknown or none)");
            }
            cfg = cfg.withFailOn(s);
        }
        if (ignoreUnfixed) {
            cfg = cfg.withIgnoreUnfixed(true);
        }
        Ignores ignores = Ignores.load(ignoreFile, workDir);
        List<Vex> docs = new ArrayList<>();
        for (Path p : vex) {
            docs.add(Vex.read(p));
        }
        return new Inputs(cfg, ignores, docs);
    }

    /** {@link ExitCodes#OK} when the verdict passed (or there is none), else the {@code --exit-code}. */
    public int exitCode(ScanReport report) {
        return report.verdict() == null || report.verdict().passed() ? ExitCodes.OK : exitCode;
    }
}
