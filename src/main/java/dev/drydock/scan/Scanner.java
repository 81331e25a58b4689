package dev.drydock.scan;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.image.Image;
import dev.drydock.image.Platform;
import dev.drydock.imageconfig.AccountsAnalyzer;
import dev.drydock.imageconfig.CheckInput;
import dev.drydock.imageconfig.ImageChecks;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.LayerContents;
import dev.drydock.layer.LayersReport;
import dev.drydock.match.VulnerabilityMatcher;
import dev.drydock.secret.SecretAnalyzer;
import dev.drydock.secret.SecretConfig;
import dev.drydock.secret.SecretReport;
import dev.drydock.vulndb.AdvisoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code drydock image} and {@code drydock fs}: the whole pipeline over ONE analysis. The image is opened and its
 * layers walked once with every built-in analyzer (package databases, lockfiles, binaries, OS release, secrets), then
 * the detectors run over that analysis:
 * <ol>
 *   <li>inventory ({@link InventoryScanner}): packages with the layer that brought them;</li>
 *   <li>vulnerabilities ({@link VulnerabilityMatcher}) when a database is given;</li>
 *   <li>secrets ({@link SecretReport}) in every layer, deleted files included, and the image config;</li>
 *   <li>image-config checks: {@link Options#configChecks()}, where {@code dev.drydock.imageconfig} plugs in;</li>
 *   <li>the layers report ({@link LayersReport}).</li>
 * </ol>
 * Then the report filter ({@code --severity}) applies; policy (ignore files, VEX, the
 * verdict) is the caller's, over the returned report.
 */
public final class Scanner {

    /** The detectors a user can choose ({@code --scanners vuln,secret,config}). */
    public enum Kind { VULN, SECRET, CONFIG }

    /**
     * What to run and how to filter.
     *
     * @param scanners      the detectors to run (the inventory always runs)
     * @param store         the advisory database, or null when there is none ({@code notes} should say how to get one)
     * @param severities    the severities to report ({@code --severity}); empty: all
     * @param ignoreUnfixed leave out vulnerabilities without a fixed version
     * @param configChecks  image-config and filesystem hardening checks over the analysis (images only), or null for
     *                      the built-in ones ({@link ImageChecks}); tests may pass their own
     * @param notes         diagnostics to put first in the report (a missing or stale database)
     * @param topFiles      how many largest files and wasted paths the layers report lists
     */
    public record Options(Set<Kind> scanners, AdvisoryStore store, Set<Severity> severities, boolean ignoreUnfixed,
                          Function<Analysis, List<Finding>> configChecks, List<String> notes, int topFiles) {
        public Options {
            scanners = scanners.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(scanners);
            severities = severities == null || severities.isEmpty() ? EnumSet.allOf(Severity.class) : EnumSet.copyOf(severities);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** Every detector, no filter, no database. */
        public static Options defaults() {
            return new Options(EnumSet.allOf(Kind.class), null, Set.of(), false, null, List.of(), 10);
        }

        public Options withStore(AdvisoryStore s) {
            return new Options(scanners, s, severities, ignoreUnfixed, configChecks, notes, topFiles);
        }
    }

    /** The image check for secrets in ENV and labels, which the secret scanner also reports. */
    static final String SECRET_IN_CONFIG = "DI0003";

    private final Options options;
    private final SecretConfig secretConfig;

    public Scanner(Options options) {
        this(options, SecretConfig.NONE);
    }

    /** With the {@code secrets:} section of {@code .drydock.yaml}: custom, allowed and disabled secret rules. */
    public Scanner(Options options, SecretConfig secretConfig) {
        this.options = options;
        this.secretConfig = secretConfig;
    }


    /** A scanned image: the report, and the image it read (its config is what image policy rules look at). */
    public record ImageScan(ScanReport report, Image image) {
    }

    /** Scans the image REF for the platform (null: the default), through the layer cache (null: none). */
    public ScanReport image(String ref, Platform platform, LayerCache cache, SourceOptions sourceOptions) throws IOException {
        return scanImage(ref, platform, cache, sourceOptions).report();
    }

    /** {@link #image} with the image it read. */
    public ImageScan scanImage(String ref, Platform platform, LayerCache cache, SourceOptions sourceOptions) throws IOException {
        SecretAnalyzer secrets = SecretAnalyzer.of(secretConfig);
        List<Analyzer<?>> analyzers = analyzers(secrets);
        InventoryScanner inventories = new InventoryScanner(analyzers);
        Analysis analysis = Analysis.of(ref, platform, analyzers, cache, sourceOptions);

        Inventory inventory = inventories.of(analysis, ref);
        List<String> diagnostics = new ArrayList<>(options.notes());
        diagnostics.addAll(inventory.diagnostics());
        List<Finding> findings = new ArrayList<>();
        List<String> diffIds = analysis.layers().stream().map(l -> l.diffId().toString()).toList();
        vulnerabilities(inventory, diffIds, findings, diagnostics);
        if (options.scanners().contains(Kind.SECRET)) {
            findings.addAll(SecretFindings.of(SecretReport.of(analysis, secrets)));
        }
        if (options.scanners().contains(Kind.CONFIG)) {
            // checks of the config, history and final filesystem
            if (options.configChecks() != null) {
                findings.addAll(options.configChecks().apply(analysis));
            } else {
                AccountsAnalyzer accounts = (AccountsAnalyzer) analyzers.stream().filter(a -> a instanceof AccountsAnalyzer)
                        .findFirst().orElseThrow();
                for (Finding f : ImageChecks.run(CheckInput.of(analysis, ref, inventory, accounts, secrets.scanner(),
                        Clock.systemUTC()))) {
                    // a secret in ENV or a label is the secret scanner's finding already when it runs
                    if (!(f.id().equals(SECRET_IN_CONFIG) && options.scanners().contains(Kind.SECRET))) {
                        findings.add(f);
                    }
                }
            }
        }
        List<LayerContents> contents = analysis.layers().stream().map(LayerResult::contents).toList();
        String os = inventory.os() == null ? null : inventory.os().name();
        LayersReport layers = LayersReport.of(analysis.image(), contents, analysis.view(), os, options.topFiles(), List.of());
        return new ImageScan(report(inventory, layers, findings, diagnostics), analysis.image());
    }

    /** Scans a directory or unpacked root filesystem: packages, lockfiles and secrets (no image config, no layers). */
    public ScanReport directory(Path dir) {
        SecretAnalyzer secrets = SecretAnalyzer.of(secretConfig);
        InventoryScanner inventories = new InventoryScanner(analyzers(secrets));
        LayerResult layer = inventories.walkDirectory(dir);
        Inventory inventory = inventories.directory(dir, layer);
        List<String> diagnostics = new ArrayList<>(options.notes());
        diagnostics.addAll(inventory.diagnostics());
        List<Finding> findings = new ArrayList<>();
        vulnerabilities(inventory, List.of(), findings, diagnostics);
        if (options.scanners().contains(Kind.SECRET)) {
            findings.addAll(SecretFindings.of(layer, secrets));
        }
        return report(inventory, null, findings, diagnostics);
    }

    private void vulnerabilities(Inventory inventory, List<String> diffIds, List<Finding> findings, List<String> diagnostics) {
        if (!options.scanners().contains(Kind.VULN) || options.store() == null) {
            return;
        }
        VulnerabilityMatcher.Result r = new VulnerabilityMatcher(options.store()).match(inventory, diffIds);
        findings.addAll(r.findings());
        diagnostics.addAll(r.diagnostics());
    }

    /** The built-in analyzers, with this secret analyzer instance (its results are read back by instance). */
    private static List<Analyzer<?>> analyzers(SecretAnalyzer secrets) {
        List<Analyzer<?>> analyzers = new ArrayList<>(Analyzers.builtIn());
        analyzers.replaceAll(a -> a.type().equals(secrets.type()) ? secrets : a);
        return Analyzers.of(analyzers);
    }

    private ScanReport report(Inventory inventory, LayersReport layers, List<Finding> findings, List<String> diagnostics) {
        List<Finding> kept = findings.stream()
                .filter(f -> options.severities().contains(f.severity()))
                .filter(f -> !options.ignoreUnfixed() || f.kind() != Finding.Kind.VULNERABILITY
                        || f.vulnerability() == null || !f.vulnerability().fixedVersions().isEmpty())
                .sorted(ScanReport.ORDER)
                .toList();
        return new ScanReport(ScanReport.SCHEMA_VERSION, inventory.subject(), inventory.os(), inventory, layers, kept,
                diagnostics.stream().distinct().toList(), null);
    }
}
