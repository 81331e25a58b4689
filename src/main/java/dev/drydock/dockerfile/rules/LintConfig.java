package dev.drydock.dockerfile.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything configurable about linting, merged from {@code .hadolint.yaml}, {@code .drydock.yaml} and the command
 * line (in that order, later wins).
 *
 * @param ignored           rule ids switched off
 * @param severities        per-rule severity overrides
 * @param settings          what rules read (trusted registries, label schema…)
 * @param failureThreshold  findings at or above this severity fail the run; {@code null} = never fail
 */
public record LintConfig(Set<String> ignored, Map<String, Severity> severities, LintSettings settings,
                         Severity failureThreshold) {

    public static final Severity DEFAULT_THRESHOLD = Severity.WARNING;
    public static final LintConfig DEFAULT = new LintConfig(Set.of(), Map.of(), LintSettings.DEFAULT, DEFAULT_THRESHOLD);

    public LintConfig {
        ignored = Set.copyOf(ignored);
        severities = Map.copyOf(severities);
    }

    public Severity severityOf(RuleInfo rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }

    public boolean enabled(String id) {
        return !ignored.contains(id);
    }

    public LintConfig withIgnored(List<String> more) {
        java.util.Set<String> s = new java.util.HashSet<>(ignored);
        more.forEach(x -> s.add(x.toUpperCase(java.util.Locale.ROOT)));
        return new LintConfig(s, severities, settings, failureThreshold);
    }
}
