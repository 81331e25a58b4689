package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

    /** Config files are small; anything larger is a mistake, not a config. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
            return n.contains("hadolint") ? applyHadolint(cfg, read(explicit), explicit) : applyDrydock(cfg, read(explicit), explicit);
        }
        Optional<Path> hadolint = firstExisting(hadolintCandidates(workDir, env));
        if (hadolint.isPresent()) {
            cfg = applyHadolint(cfg, read(hadolint.get()), hadolint.get());
        }
        Optional<Path> drydock = firstExisting(List.of(workDir.resolve(".drydock.yaml"), workDir.resolve(".drydock.yml")));
        if (drydock.isPresent()) {
            cfg = applyDrydock(cfg, read(drydock.get()), drydock.get());
        }
        return cfg;
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
        try {
            if (Files.size(p) > MAX_BYTES) {
                throw new InputException(p + ": config file is larger than 1 MiB");
            }
            JsonNode n = YAML.readTree(p.toFile());
            return n == null || n.isMissingNode() || n.isNull() ? YAML.createObjectNode() : n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new InputException(p + where + ": invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(p + ": cannot read config file: " + e.getMessage(), e);
        }
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
     * drydock's format:
     * <pre>
     * fail-on: warning
     * dockerfile:
     *   ignore: [DL3008]
     *   severity: {DL3059: error}
     *   trusted-registries: [docker.io]
     *   allowed-base-images: ["cgr.dev/chainguard/*"]
     *   label-schema: {maintainer: email}
     *   strict-labels: false
     * </pre>
     */
    static LintConfig applyDrydock(LintConfig base, JsonNode n, Path file) {
        requireObject(n, file, "");
        Severity threshold = base.failureThreshold();
        if (n.has("fail-on")) {
            threshold = threshold(n.get("fail-on").asText(), file, "fail-on");
        }
        JsonNode d = n.path("dockerfile");
        if (d.isMissingNode() || d.isNull()) {
            return new LintConfig(base.ignored(), base.severities(), base.settings(), threshold);
        }
        requireObject(d, file, "dockerfile");
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("ignore", "severity", "trusted-registries", "allowed-base-images", "label-schema", "strict-labels", "fail-on").contains(k)) {
                throw new InputException(file + ": unknown key dockerfile." + k
                        + " (known: ignore, severity, trusted-registries, allowed-base-images, label-schema, strict-labels, fail-on)");
            }
        }
        if (d.has("fail-on")) {
            threshold = threshold(d.get("fail-on").asText(), file, "dockerfile.fail-on");
        }
        Set<String> ignored = new HashSet<>(base.ignored());
        ignored.addAll(ruleIds(d.get("ignore"), file, "dockerfile.ignore"));
        Map<String, Severity> sev = new HashMap<>(base.severities());
        JsonNode sv = d.get("severity");
        if (sv != null) {
            requireObject(sv, file, "dockerfile.severity");
            for (Iterator<Map.Entry<String, JsonNode>> it = sv.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = checkId(e.getKey(), file, "dockerfile.severity");
                if (e.getValue().asText().equalsIgnoreCase("ignore") || e.getValue().asText().equalsIgnoreCase("off")) {
                    ignored.add(id);
                } else {
                    sev.put(id, threshold(e.getValue().asText(), file, "dockerfile.severity." + id));
                }
            }
        }
        LintSettings st = base.settings();
        List<String> trusted = strings(d.get("trusted-registries"), file, "dockerfile.trusted-registries");
        List<String> allowed = strings(d.get("allowed-base-images"), file, "dockerfile.allowed-base-images");
        Map<String, String> schema = labelSchema(d.get("label-schema"), file);
        boolean strict = d.has("strict-labels") ? d.get("strict-labels").asBoolean() : st.strictLabels();
        st = new LintSettings(trusted.isEmpty() ? st.trustedRegistries() : trusted,
                schema.isEmpty() ? st.labelSchema() : schema, strict, allowed.isEmpty() ? st.allowedBaseImages() : allowed);
        return new LintConfig(ignored, sev, st, threshold);
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

    private static List<String> ruleIds(JsonNode n, Path file, String key) {
        return strings(n, file, key).stream().map(s -> checkId(s, file, key)).toList();
    }

    private static String checkId(String raw, Path file, String key) {
        String id = raw.trim().toUpperCase(Locale.ROOT);
        // SC ids (ShellCheck) are valid too; unknown DL/DD ids are a typo worth reporting.
        if (id.startsWith("SC") && id.matches("SC\\d{4}")) {
            return id;
        }
        if (Rules.byId(id).isEmpty()) {
            throw new InputException(file + ": " + key + ": unknown rule id '" + raw + "' (drydock rules --list shows them)");
        }
        return id;
    }

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
