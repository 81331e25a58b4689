package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.dockerfile.rules.LintSettings;
import dev.drydock.dockerfile.rules.Rules;
import dev.drydock.dockerfile.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads lint configuration: Hadolint's {@code .hadolint.yaml} (so existing set-ups keep working) and drydock's
 * {@code .drydock.yaml} ({@code dockerfile:} section and top-level {@code fail-on}); see docs/configuration.md.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Finds the configuration the way the tools do: an explicit {@code --config} file; else {@code .drydock.yaml}
     * (or {@code .yml}) in the working directory; Hadolint's files (working directory, then
     * {@code $XDG_CONFIG_HOME/hadolint.yaml}, {@code ~/.config/hadolint.yaml}, {@code ~/.hadolint.yaml}) apply
     * first, drydock's on top.
     */
    public static LintConfig load(Path explicit, Path workDir, Map<String, String> env) {
        LintConfig cfg = LintConfig.DEFAULT;
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new InputException(explicit + ": config file not found");
            }
            String n = explicit.getFileName().toString();
            return n.contains("hadolint") ? applyHadolint(cfg, read(explicit), explicit) : drydock(cfg, explicit);
        }
        Optional<Path> hadolint = firstExisting(hadolintCandidates(workDir, env));
        if (hadolint.isPresent()) {
            cfg = applyHadolint(cfg, read(hadolint.get()), hadolint.get());
        }
        Optional<Path> drydock = drydockConfigIn(workDir);
        if (drydock.isPresent()) {
            cfg = drydock(cfg, drydock.get());
        }
        return cfg;
    }

    /** {@code .drydock.yaml} or {@code .drydock.yml} in a directory, if there is one. */
    public static Optional<Path> drydockConfigIn(Path dir) {
        return firstExisting(List.of(dir.resolve(".drydock.yaml"), dir.resolve(".drydock.yml")));
    }

    /** The whole file is checked (policy keys too), so that a typo anywhere in it is reported by every command. */
    private static LintConfig drydock(LintConfig base, Path file) {
        PolicyDocument doc = PolicyDocument.yaml(file);
        PolicyConfigs.parse(doc);
        return applyDrydock(base, doc);
    }

    private static List<Path> hadolintCandidates(Path workDir, Map<String, String> env) {
        List<Path> c = new ArrayList<>(List.of(workDir.resolve(".hadolint.yaml"), workDir.resolve(".hadolint.yml")));
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            c.add(Path.of(xdg, "hadolint.yaml"));
        }
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            c.add(Path.of(home, ".config", "hadolint.yaml"));
            c.add(Path.of(home, ".hadolint", "hadolint.yaml"));
            c.add(Path.of(home, ".hadolint.yaml"));
        }
        return c;
    }

    private static Optional<Path> firstExisting(List<Path> paths) {
        return paths.stream().filter(Files::isRegularFile).findFirst();
    }

    static JsonNode read(Path p) {
        return PolicyDocument.yaml(p).root;
    }

    /** Hadolint's format: ignored, override.{error,warning,info,style}, trustedRegistries, label-schema, strict-labels, failure-threshold, no-fail. */
    static LintConfig applyHadolint(LintConfig base, JsonNode n, Path file) {
        requireObject(n, file, "");
        Set<String> ignored = new HashSet<>(base.ignored());
        // Hadolint configs may name rules drydock does not have: keep them (harmless), never refuse the file.
        ignored.addAll(upper(strings(n.get("ignored"), file, "ignored")));
        Map<String, Severity> sev = new HashMap<>(base.severities());
        JsonNode ov = n.get("override");
        if (ov != null) {
            requireObject(ov, file, "override");
            for (Severity s : Severity.values()) {
                for (String id : upper(strings(ov.get(s.label()), file, "override." + s.label()))) {
                    sev.put(id, s);
                }
            }
        }
        LintSettings st = base.settings();
        List<String> trusted = strings(n.get("trustedRegistries"), file, "trustedRegistries");
        Map<String, String> schema = labelSchema(n.get("label-schema"), file);
        boolean strict = n.has("strict-labels") ? n.get("strict-labels").asBoolean() : st.strictLabels();
        st = new LintSettings(trusted.isEmpty() ? st.trustedRegistries() : trusted,
                schema.isEmpty() ? st.labelSchema() : schema, strict, st.allowedBaseImages());
        Severity threshold = base.failureThreshold();
        if (n.has("failure-threshold")) {
            threshold = threshold(n.get("failure-threshold").asText(), file, "failure-threshold");
        }
        if (n.path("no-fail").asBoolean(false)) {
            threshold = null;
        }
        return new LintConfig(ignored, sev, st, threshold);
    }

    /**
     * drydock's format (the linter's keys; the policy's are {@link PolicyConfigs}'):
     * <pre>
     * fail-on: warning              # also critical/high/medium/low: high → error, medium → warning, low → style
     * trusted-registries: [docker.io]        # shared with the image policy; dockerfile: may set its own
     * allowed-base-images: ["cgr.dev/chainguard/*"]
     * dockerfile:
     *   ignore: [DL3008]
     *   severity: {DL3059: error}
     *   trusted-registries: [docker.io]
     *   allowed-base-images: ["cgr.dev/chainguard/*"]
     *   label-schema: {maintainer: email}
     *   strict-labels: false
     * </pre>
     */
    static LintConfig applyDrydock(LintConfig base, PolicyDocument doc) {
        JsonNode n = doc.object(doc.root, "");
        Severity threshold = base.failureThreshold();
        if (n.has("fail-on")) {
            threshold = threshold(doc, n.get("fail-on"), "fail-on");
        }
        List<String> topTrusted = doc.strings(n.get("trusted-registries"), "trusted-registries");
        List<String> topAllowed = doc.strings(n.get("allowed-base-images"), "allowed-base-images");
        LintSettings st = base.settings();
        st = new LintSettings(topTrusted.isEmpty() ? st.trustedRegistries() : topTrusted, st.labelSchema(), st.strictLabels(),
                topAllowed.isEmpty() ? st.allowedBaseImages() : topAllowed);
        JsonNode d = n.path("dockerfile");
        if (d.isMissingNode() || d.isNull()) {
            return new LintConfig(base.ignored(), base.severities(), st, threshold);
        }
        doc.object(d, "dockerfile");
        doc.knownKeys(d, "dockerfile", List.of("ignore", "severity", "trusted-registries", "allowed-base-images",
                "label-schema", "strict-labels", "fail-on"));
        if (d.has("fail-on")) {
            threshold = threshold(doc, d.get("fail-on"), "dockerfile.fail-on");
        }
        Set<String> ignored = new HashSet<>(base.ignored());
        List<String> ig = doc.strings(d.get("ignore"), "dockerfile.ignore");
        for (int i = 0; i < ig.size(); i++) {
            ignored.add(checkId(ig.get(i), doc, "dockerfile.ignore[" + i + "]"));
        }
        Map<String, Severity> sev = new HashMap<>(base.severities());
        JsonNode sv = d.get("severity");
        if (sv != null && !sv.isNull()) {
            doc.object(sv, "dockerfile.severity");
            for (Iterator<Map.Entry<String, JsonNode>> it = sv.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "dockerfile.severity." + e.getKey();
                String id = checkId(e.getKey(), doc, path);
                String v = e.getValue().isBoolean() && !e.getValue().booleanValue() ? "off" : e.getValue().asText();
                if (v.equalsIgnoreCase("ignore") || v.equalsIgnoreCase("off")) {
                    ignored.add(id);
                } else {
                    Severity s = threshold(doc, e.getValue(), path);
                    if (s == null) {
                        throw doc.error(path, "a rule's severity cannot be none; write off to switch the rule off");
                    }
                    sev.put(id, s);
                }
            }
        }
        List<String> trusted = doc.strings(d.get("trusted-registries"), "dockerfile.trusted-registries");
        List<String> allowed = doc.strings(d.get("allowed-base-images"), "dockerfile.allowed-base-images");
        Map<String, String> schema = labelSchema(d.get("label-schema"), doc);
        boolean strict = d.has("strict-labels") ? doc.bool(d.get("strict-labels"), "dockerfile.strict-labels") : st.strictLabels();
        st = new LintSettings(trusted.isEmpty() ? st.trustedRegistries() : trusted,
                schema.isEmpty() ? st.labelSchema() : schema, strict, allowed.isEmpty() ? st.allowedBaseImages() : allowed);
        return new LintConfig(ignored, sev, st, threshold);
    }

    /** A lint threshold from either scale: the linter's words, or the scan's (critical/high → error, medium → warning, low/unknown → style). */
    private static Severity threshold(PolicyDocument doc, JsonNode n, String path) {
        String v = doc.nonEmptyText(n, path).toLowerCase(Locale.ROOT);
        switch (v) {
            case "critical", "high" -> {
                return Severity.ERROR;
            }
            case "medium" -> {
                return Severity.WARNING;
            }
            case "low", "unknown" -> {
                return Severity.STYLE;
            }
            default -> {
                try {
                    return threshold(v, doc.file, path);
                } catch (InputException e) {
                    throw doc.error(path, "unknown severity '" + n.asText() + "'" + Suggestions.didYouMean(v, PolicyConfigs.SEVERITY_WORDS)
                            + " (expected error, warning, info, style, critical, high, medium, low or none)");
                }
            }
        }
    }

    /** Parses a failure threshold; {@code none}/{@code ignore} mean "never fail" ({@code null}). */
    public static Severity threshold(String s, Object where, String key) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("ignore") || v.equals("never")) {
            return null;
        }
        try {
            return Severity.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + key + ": unknown severity '" + s + "' (expected error, warning, info, style or none)");
        }
    }

    private static void requireObject(JsonNode n, Path file, String key) {
        if (!n.isObject()) {
            throw new InputException(file + ": " + (key.isEmpty() ? "top level" : key) + " must be a mapping");
        }
    }

    private static List<String> strings(JsonNode n, Path file, String key) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InputException(file + ": " + key + " must be a list");
        }
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<String> upper(List<String> ids) {
        return ids.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
    }

    private static String checkId(String raw, PolicyDocument doc, String path) {
        String id = raw.trim().toUpperCase(Locale.ROOT);
        // SC ids (ShellCheck) are valid too; unknown DL/DD ids are a typo worth reporting.
        if (id.startsWith("SC") && id.matches("SC\\d{4}")) {
            return id;
        }
        if (Rules.byId(id).isEmpty()) {
            throw doc.error(path, "unknown rule id '" + raw + "' (drydock rules --list shows them)");
        }
        return id;
    }

    private static Map<String, String> labelSchema(JsonNode n, PolicyDocument doc) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        doc.object(n, "dockerfile.label-schema");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String t = e.getValue().asText().toLowerCase(Locale.ROOT);
            if (!LABEL_TYPES.contains(t)) {
                throw doc.error("dockerfile.label-schema." + e.getKey(), "unknown type '" + t + "'"
                        + Suggestions.didYouMean(t, LABEL_TYPES) + " (expected one of text, url, email, semver, rfc3339, hash, spdx)");
            }
            out.put(e.getKey(), t);
        }
        return out;
    }

    private static final List<String> LABEL_TYPES = List.of("text", "url", "email", "semver", "rfc3339", "hash", "spdx");

    private static Map<String, String> labelSchema(JsonNode n, Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        requireObject(n, file, "label-schema");
        Set<String> types = Set.of("text", "url", "email", "semver", "rfc3339", "hash", "spdx");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String t = e.getValue().asText().toLowerCase(Locale.ROOT);
            if (!types.contains(t)) {
                throw new InputException(file + ": label-schema." + e.getKey() + ": unknown type '" + t
                        + "' (expected one of text, url, email, semver, rfc3339, hash, spdx)");
            }
            out.put(e.getKey(), t);
        }
        return out;
    }
}
