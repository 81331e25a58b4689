package dev.drydock.policy;

import dev.drydock.analyzer.Package;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.version.VersionScheme;
import dev.drydock.version.VersionSchemes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The policy step of the pipeline: a pure function from a scan report and the team's decisions (config, ignores,
 * VEX) to the same report with suppressions marked and a {@link ScanReport.Verdict}. Suppressed findings stay in the
 * report, saying who suppressed them and why, and never fail the policy.
 *
 * <p>Per finding, in order: scanners switched off drop their findings; a rule override changes the severity; then the
 * first of these suppresses it — a suppression the scanner already made, the rule switched off, a VEX statement
 * ({@code not_affected} or {@code fixed}), an ignore entry that has not expired, {@code min-severity},
 * {@code ignore-unfixed}. The verdict then checks {@code fail-on} and the package and image rules
 * ({@link PolicyRules}); each failure gives reason lines, and expired ignores are listed.
 */
public final class Policy {

    private Policy() {
    }

    /** Applies a policy with what the report alone tells about the image (its size). */
    public static ScanReport apply(ScanReport report, PolicyConfig config, Ignores ignores, List<Vex> vex, Clock clock) {
        return apply(report, config, ignores, vex, clock, ImageFacts.of(report));
    }

    /** Applies a policy; {@code facts} carries the image's user and base image for the image rules. */
    public static ScanReport apply(ScanReport report, PolicyConfig config, Ignores ignores, List<Vex> vex, Clock clock,
                                   ImageFacts facts) {
        return apply(report, config, ignores, vex, clock, facts, VersionSchemes::forEcosystem);
    }

    static ScanReport apply(ScanReport report, PolicyConfig config, Ignores ignores, List<Vex> vex, Clock clock,
                            ImageFacts facts, Function<String, Optional<VersionScheme>> schemes) {
        LocalDate today = LocalDate.now(clock);
        List<Ignores.Entry> active = new ArrayList<>();
        Map<Ignores.Entry, Integer> expired = new LinkedHashMap<>();
        for (Ignores.Entry e : ignores.entries()) {
            if (e.expired(today)) {
                expired.put(e, 0);
            } else {
                active.add(e);
            }
        }
        VexMatcher matcher = new VexMatcher(vex, report.subject(), schemes);
        List<Finding> out = new ArrayList<>();
        for (Finding original : report.findings()) {
            if (!config.runs(original.kind())) {
                continue;
            }
            PolicyConfig.RuleOverride override = override(config, original);
            Finding f = override != null && override.severity() != null ? withSeverity(original, override.severity()) : original;
            for (Map.Entry<Ignores.Entry, Integer> e : expired.entrySet()) {
                if (e.getKey().matches(f)) {
                    e.setValue(e.getValue() + 1);
                }
            }
            if (f.suppressed() == null) {
                Finding.Suppression s = suppression(f, override, config, matcher, active);
                if (s != null) {
                    f = f.suppress(s);
                }
            }
            out.add(f);
        }
        List<String> diagnostics = new ArrayList<>(report.diagnostics());
        vex.forEach(v -> diagnostics.addAll(v.warnings()));
        PolicyRules rules = new PolicyRules(report, config, facts, schemes, diagnostics, active);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        failOn(config, out, failures);
        rules.check(failures);
        List<String> expiredLines = expired.entrySet().stream().map(e -> e.getKey().describe() + " expired on "
                + e.getKey().expires() + (e.getValue() == 0 ? "" : " and applies again to " + e.getValue()
                + (e.getValue() == 1 ? " finding" : " findings")) + ": " + e.getKey().reason()).toList();
        List<String> reasons = new ArrayList<>();
        failures.forEach((rule, lines) -> reasons.addAll(lines));
        ScanReport.Verdict verdict = new ScanReport.Verdict(failures.isEmpty(),
                failures.isEmpty() ? null : String.join(", ", failures.keySet()), reasons, expiredLines);
        ScanReport r = new ScanReport(report.schemaVersion(), report.subject(), report.os(), report.inventory(),
                report.layers(), report.findings(), diagnostics, report.verdict());
        return r.withFindings(out).withVerdict(verdict);
    }

    private static PolicyConfig.RuleOverride override(PolicyConfig config, Finding f) {
        if (config.rules().isEmpty()) {
            return null;
        }
        PolicyConfig.RuleOverride o = config.rules().get(f.id().toUpperCase(Locale.ROOT));
        for (int i = 0; o == null && i < f.aliases().size(); i++) {
            o = config.rules().get(f.aliases().get(i).toUpperCase(Locale.ROOT));
        }
        return o;
    }

    private static Finding.Suppression suppression(Finding f, PolicyConfig.RuleOverride override, PolicyConfig config,
                                                   VexMatcher matcher, List<Ignores.Entry> active) {
        String cfg = config.source() == null ? null : config.source() + (override == null ? "" : ":" + override.line());
        if (override != null && override.disabled()) {
            return new Finding.Suppression("config", "rule " + f.id() + " is switched off in the policy"
                    + (override.reason() == null ? "" : ": " + override.reason()), null, cfg);
        }
        Optional<VexMatcher.Hit> hit = matcher.find(f);
        if (hit.isPresent() && hit.get().statement().status().suppresses()) {
            Vex.Statement s = hit.get().statement();
            return new Finding.Suppression("vex", vexReason(s), null, hit.get().document().source() + ":" + s.line());
        }
        for (Ignores.Entry e : active) {
            if (e.matches(f)) {
                return new Finding.Suppression("ignorefile", e.reason(), e.expires() == null ? null : e.expires().toString(),
                        e.source() + ":" + e.line());
            }
        }
        if (config.minSeverity() != null && !f.severity().atLeast(config.minSeverity())) {
            return new Finding.Suppression("config", "below min-severity " + config.minSeverity().lower(), null,
                    config.sourceName());
        }
        if (config.ignoreUnfixed() && f.vulnerability() != null && f.vulnerability().fixedVersions().isEmpty()) {
            return new Finding.Suppression("config", "no fixed version yet (ignore-unfixed)", null, config.sourceName());
        }
        return null;
    }

    /** {@code VEX not_affected (vulnerable_code_not_in_execute_path): the parser is never called}. */
    static String vexReason(Vex.Statement s) {
        StringBuilder b = new StringBuilder("VEX ").append(s.status().openVex());
        if (s.justification() != null) {
            b.append(" (").append(s.justification().openVex()).append(')');
        }
        String why = s.impactStatement() != null && !s.impactStatement().isBlank() ? s.impactStatement() : s.actionStatement();
        if (why != null && !why.isBlank()) {
            b.append(": ").append(why.strip());
        }
        return b.toString();
    }

    private static void failOn(PolicyConfig config, List<Finding> findings, Map<String, List<String>> failures) {
        Severity threshold = config.failOn();
        if (threshold == null) {
            return;
        }
        List<Finding> over = findings.stream().filter(f -> f.suppressed() == null && f.severity().atLeast(threshold)).toList();
        if (over.isEmpty()) {
            return;
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        over.forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
        String counts = bySeverity.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", "));
        List<String> ids = over.stream().map(Finding::id).distinct().toList();
        String sample = String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "");
        String rule = "fail-on: " + threshold.lower();
        failures.put(rule, List.of(rule + ": " + over.size() + (over.size() == 1 ? " finding" : " findings") + " at "
                + threshold.name() + " or above (" + counts + "): " + sample));
    }

    private static Finding withSeverity(Finding f, Severity s) {
        return new Finding(f.kind(), f.id(), f.aliases(), s, f.title(), f.description(), f.target(), f.location(),
                f.vulnerability(), f.fix(), f.references(), f.suppressed());
    }

    /** Packages of the report, for rules that look at the inventory. */
    static List<Package> packages(ScanReport report) {
        return report.inventory() == null ? List.of() : report.inventory().packages();
    }
}
