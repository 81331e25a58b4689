package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the policy part of {@code .drydock.yaml} (the linter's part, {@code dockerfile:}, is {@link ConfigFiles}'):
 * every key checked, unknown keys refused with a suggestion, every error naming file, line and key. The keys are
 * documented in docs/policy.md and, as a JSON schema, docs/schema/drydock-config.schema.json; the two must agree
 * (PolicyConfigSchemaTest checks the examples against the schema).
 */
public final class PolicyConfigs {

    static final List<String> KEYS = List.of("fail-on", "min-severity", "ignore-unfixed", "scanners", "rules",
            "trusted-registries", "allowed-base-images", "require-digest-pinned-base", "require-non-root",
            "max-image-size", "forbidden-packages", "deny-licenses", "dockerfile",
            // read by their own loaders: dev.drydock.vulndb.DbConfig and dev.drydock.secret.SecretConfig
            "db", "secrets");

    /** Scanner names as Trivy spells them ({@code --scanners vuln,secret,misconfig}), plus drydock's Dockerfile linter. */
    static final Map<String, Finding.Kind> SCANNERS = Map.of("vuln", Finding.Kind.VULNERABILITY,
            "secret", Finding.Kind.SECRET, "misconfig", Finding.Kind.MISCONFIGURATION, "lint", Finding.Kind.LINT);

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtp]?i?b?)\\s*", Pattern.CASE_INSENSITIVE);

    private PolicyConfigs() {
    }

    /**
     * The policy in force: the {@code --config} file when given (it must exist), else {@code .drydock.yaml} or
     * {@code .drydock.yml} in the working directory, else {@link PolicyConfig#DEFAULT}.
     */
    public static PolicyConfig load(Path explicit, Path workDir) {
        Optional<Path> file = explicit != null ? Optional.of(explicit)
                : Optional.ofNullable(workDir).flatMap(d -> ConfigFiles.drydockConfigIn(d));
        return file.map(PolicyConfigs::read).orElse(PolicyConfig.DEFAULT);
    }

    /** Reads one {@code .drydock.yaml}. */
    public static PolicyConfig read(Path file) {
        if (!Files.exists(file)) {
            throw new PolicyFileException(file, 0, 0, "config file not found");
        }
        return parse(PolicyDocument.yaml(file));
    }

    static PolicyConfig parse(PolicyDocument doc) {
        JsonNode n = doc.object(doc.root, "");
        doc.knownKeys(n, "", KEYS);
        // The linter's part is checked by the linter's reader, so that a bad dockerfile: section fails image scans too.
        LintConfig lint = ConfigFiles.applyDrydock(LintConfig.DEFAULT, doc);
        Severity failOn = n.has("fail-on") ? severity(doc, n.get("fail-on"), "fail-on") : null;
        Severity min = n.has("min-severity") ? severity(doc, n.get("min-severity"), "min-severity") : null;
        boolean unfixed = n.has("ignore-unfixed") && doc.bool(n.get("ignore-unfixed"), "ignore-unfixed");
        Set<Finding.Kind> scanners = scanners(doc, n.get("scanners"));
        Map<String, PolicyConfig.RuleOverride> rules = rules(doc, n.get("rules"));
        List<String> trusted = doc.strings(n.get("trusted-registries"), "trusted-registries");
        List<String> allowed = doc.strings(n.get("allowed-base-images"), "allowed-base-images");
        boolean pinned = n.has("require-digest-pinned-base") && doc.bool(n.get("require-digest-pinned-base"), "require-digest-pinned-base");
        boolean nonRoot = n.has("require-non-root") && doc.bool(n.get("require-non-root"), "require-non-root");
        Long maxSize = n.has("max-image-size") ? size(doc, n.get("max-image-size"), "max-image-size") : null;
        List<PolicyConfig.ForbiddenPackage> forbidden = forbidden(doc, n.get("forbidden-packages"));
        List<String> licenses = new ArrayList<>();
        List<String> denied = doc.strings(n.get("deny-licenses"), "deny-licenses");
        for (int i = 0; i < denied.size(); i++) {
            licenses.add(LicenseDenyList.checkPattern(doc, denied.get(i), "deny-licenses[" + i + "]"));
        }
        return new PolicyConfig(doc.file, failOn, min, unfixed, scanners, rules, trusted, allowed, pinned, nonRoot, maxSize,
                forbidden, licenses, lint);
    }

    /**
     * A severity on the scan scale ({@code critical high medium low unknown}; {@code none} → null, never), also taking
     * the linter's words so that one top-level {@code fail-on} serves both: error → high, warning → medium,
     * info and style → low (the mapping of dev.drydock.scan.Severity).
     */
    static Severity severity(PolicyDocument doc, JsonNode n, String path) {
        String v = doc.nonEmptyText(n, path).toLowerCase(Locale.ROOT);
        Severity s = parseSeverity(v);
        if (s == null && !isNone(v)) {
            throw doc.error(path, "unknown severity '" + n.asText() + "'" + Suggestions.didYouMean(v, SEVERITY_WORDS)
                    + " (expected critical, high, medium, low, unknown or none)");
        }
        return s;
    }

    static final List<String> SEVERITY_WORDS = List.of("critical", "high", "medium", "low", "unknown", "none",
            "error", "warning", "info", "style");

    static boolean isNone(String v) {
        return v.equals("none") || v.equals("never") || v.equals("ignore");
    }

    /** The scan severity of a word from either scale, or null (none, or not a severity). */
    public static Severity parseSeverity(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "high", "error" -> Severity.HIGH;
            case "medium", "warning" -> Severity.MEDIUM;
            case "low", "info", "style" -> Severity.LOW;
            case "unknown" -> Severity.UNKNOWN;
            default -> null;
        };
    }

    private static Set<Finding.Kind> scanners(PolicyDocument doc, JsonNode n) {
        if (n == null || n.isNull()) {
            return EnumSet.allOf(Finding.Kind.class);
        }
        if (n.isArray()) { // the scanners that run: [vuln, secret]
            Set<Finding.Kind> on = EnumSet.noneOf(Finding.Kind.class);
            for (int i = 0; i < n.size(); i++) {
                on.add(scanner(doc, doc.nonEmptyText(n.get(i), "scanners[" + i + "]"), "scanners[" + i + "]"));
            }
            return on;
        }
        doc.object(n, "scanners"); // {secret: false}: switch some off
        Set<Finding.Kind> on = EnumSet.allOf(Finding.Kind.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "scanners." + e.getKey();
            Finding.Kind k = scanner(doc, e.getKey(), path);
            if (!doc.bool(e.getValue(), path)) {
                on.remove(k);
            }
        }
        return on;
    }

    private static Finding.Kind scanner(PolicyDocument doc, String name, String path) {
        Finding.Kind k = SCANNERS.get(name.toLowerCase(Locale.ROOT));
        if (k == null) {
            throw doc.error(path, "unknown scanner '" + name + "'" + Suggestions.didYouMean(name, SCANNERS.keySet())
                    + " (scanners: lint, misconfig, secret, vuln)");
        }
        return k;
    }

    private static Map<String, PolicyConfig.RuleOverride> rules(PolicyDocument doc, JsonNode n) {
        Map<String, PolicyConfig.RuleOverride> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        doc.object(n, "rules");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "rules." + e.getKey();
            int line = doc.line(path);
            JsonNode v = e.getValue();
            PolicyConfig.RuleOverride o;
            if (v.isBoolean() || v.isTextual() && List.of("off", "disabled", "ignore").contains(v.asText().toLowerCase(Locale.ROOT))) {
                boolean off = v.isTextual() || !v.booleanValue();
                o = new PolicyConfig.RuleOverride(null, off, null, line);
            } else if (v.isTextual()) {
                o = new PolicyConfig.RuleOverride(requireSeverity(doc, v, path), false, null, line);
            } else {
                doc.object(v, path);
                doc.knownKeys(v, path, List.of("severity", "disabled", "reason"));
                Severity s = v.has("severity") ? requireSeverity(doc, v.get("severity"), path + ".severity") : null;
                boolean off = v.has("disabled") && doc.bool(v.get("disabled"), path + ".disabled");
                String reason = v.has("reason") ? doc.nonEmptyText(v.get("reason"), path + ".reason") : null;
                if (s == null && !off) {
                    throw doc.error(path, "says nothing: give a severity or disabled: true");
                }
                o = new PolicyConfig.RuleOverride(s, off, reason, line);
            }
            out.put(e.getKey().strip().toUpperCase(Locale.ROOT), o);
        }
        return out;
    }

    private static Severity requireSeverity(PolicyDocument doc, JsonNode v, String path) {
        Severity s = severity(doc, v, path);
        if (s == null) {
            throw doc.error(path, "a rule's severity cannot be none; write off to switch the rule off");
        }
        return s;
    }

    /** A size: bytes, or a number with a unit as {@code drydock layers} takes them (20MB, 1.5GiB). */
    static long size(PolicyDocument doc, JsonNode n, String path) {
        if (n.isIntegralNumber() && n.asLong() >= 0) {
            return n.asLong();
        }
        Matcher m = SIZE.matcher(n.isTextual() ? n.asText() : "");
        if (!m.matches()) {
            throw doc.error(path, PolicyDocument.describe(n) + " is not a size (e.g. 500MB, 1.5GiB, 250000000)");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgtp".indexOf(unit.charAt(0)) + 1;
        double base = unit.contains("i") ? 1024 : 1000;
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
    }

    private static List<PolicyConfig.ForbiddenPackage> forbidden(PolicyDocument doc, JsonNode n) {
        List<PolicyConfig.ForbiddenPackage> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw doc.error("forbidden-packages", "must be a list of packages, not " + PolicyDocument.describe(n));
        }
        for (int i = 0; i < n.size(); i++) {
            String path = "forbidden-packages[" + i + "]";
            JsonNode e = n.get(i);
            int line = doc.line(path);
            if (e.isTextual()) {
                out.add(new PolicyConfig.ForbiddenPackage(doc.nonEmptyText(e, path), null, null, null, line));
                continue;
            }
            doc.object(e, path);
            doc.knownKeys(e, path, List.of("name", "ecosystem", "versions", "reason"));
            if (!e.has("name")) {
                throw doc.error(path, "name is required");
            }
            String name = doc.nonEmptyText(e.get("name"), path + ".name");
            String eco = e.has("ecosystem") ? doc.nonEmptyText(e.get("ecosystem"), path + ".ecosystem") : null;
            VersionRange range = null;
            if (e.has("versions")) {
                try {
                    range = VersionRange.parse(doc.text(e.get("versions"), path + ".versions"));
                } catch (IllegalArgumentException ex) {
                    throw doc.error(path + ".versions", ex.getMessage());
                }
            }
            String reason = e.has("reason") ? doc.nonEmptyText(e.get("reason"), path + ".reason") : null;
            out.add(new PolicyConfig.ForbiddenPackage(name, eco, range, reason, line));
        }
        return out;
    }
}
