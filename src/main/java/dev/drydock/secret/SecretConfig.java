package dev.drydock.secret;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.CRC32;

/**
 * The {@code secrets:} section of {@code .drydock.yaml}: custom rules, allow rules and disabled built-in rules.
 *
 * <pre>
 * secrets:
 *   rules:
 *     - id: acme-api-key              # kebab-case, not a built-in id
 *       regex: 'acme_(?&lt;secret&gt;[a-z0-9]{32})'
 *       keywords: [acme_]             # lower case; the regex runs only near them
 *       entropy: 3.5                  # optional, bits per character
 *       severity: high                # optional (default high)
 *       title: ACME API key           # optional (default: the id)
 *       paths: ['\.env$']             # optional: only files whose path matches
 *       allow: ['^acme_test']         # optional: matches to ignore
 *   allow:
 *     regexes: ['^sk_test_']          # secrets never reported
 *     paths: ['^app/fixtures/']       # files never scanned
 *   disable: [generic-password]       # built-in rule ids
 * </pre>
 *
 * Only this one key of the file is read here (other sections belong to other parts of drydock); inside it, every key
 * is known, and every problem names the file and line. The file is read with Jackson's YAML parser, whose token
 * locations give the lines.
 *
 * @param text the section as written, for the cache key: a changed section re-scans cached layers
 */
public record SecretConfig(List<SecretRule> rules, List<Pattern> allowValues, List<Pattern> allowPaths,
                           Set<String> disable, String text) {

    public static final SecretConfig NONE = new SecretConfig(List.of(), List.of(), List.of(), Set.of(), "");
    static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> SECTION_KEYS = Set.of("rules", "allow", "disable");
    private static final Set<String> RULE_KEYS = Set.of("id", "regex", "keywords", "entropy", "severity", "title",
            "category", "paths", "allow");
    private static final Set<String> ALLOW_KEYS = Set.of("regexes", "paths");

    public SecretConfig {
        rules = List.copyOf(rules);
        allowValues = List.copyOf(allowValues);
        allowPaths = List.copyOf(allowPaths);
        disable = Set.copyOf(disable);
    }

    /**
     * The configuration for {@code drydock secrets}: the explicit file when given (it must exist), else
     * {@code .drydock.yaml} or {@code .drydock.yml} in {@code workDir} when present, else none.
     */
    public static SecretConfig load(Path explicit, Path workDir) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new InputException(explicit + ": config file not found");
            }
            return read(explicit);
        }
        for (String name : List.of(".drydock.yaml", ".drydock.yml")) {
            Path p = workDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return read(p);
            }
        }
        return NONE;
    }

    /** Reads the {@code secrets:} key of a YAML file (other keys are not looked at). */
    public static SecretConfig read(Path file) {
        byte[] yaml;
        try (InputStream in = Files.newInputStream(file)) {
            yaml = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (yaml.length > MAX_BYTES) {
            throw new InputException(file + ": larger than " + MAX_BYTES + " bytes; not a config file");
        }
        return parse(file.toString(), yaml);
    }

    /** Parses a whole document; {@code name} is how messages name it. */
    static SecretConfig parse(String name, byte[] yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = mapper.readTree(yaml);
            lines = lines(mapper, yaml);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? ":" + p.getLocation().getLineNr() : "";
            throw new InputException(name + where + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.has("secrets") || root.get("secrets").isNull()) {
            return NONE;
        }
        return new Reader(name, lines).section(root.get("secrets"), "/secrets");
    }

    /** The line of every node, by JSON pointer ({@code /secrets/rules/0/regex}); for a key, the key's line. */
    private static Map<String, Integer> lines(ObjectMapper mapper, byte[] yaml) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(yaml)) {
            if (p.nextToken() != null) {
                walk(p, "", out);
            }
        }
        return out;
    }

    /** Records the current node and its children; the parser ends on the node's last token. */
    private static void walk(JsonParser p, String at, Map<String, Integer> out) throws IOException {
        out.putIfAbsent(at, p.currentTokenLocation().getLineNr());
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = at + "/" + p.currentName();
                out.put(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                walk(p, child, out);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, at + "/" + i++, out);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads the section's nodes; every error names the file and the line of the offending node. */
    private record Reader(String file, Map<String, Integer> lines) {

        SecretConfig section(JsonNode s, String at) {
            object(s, at, SECTION_KEYS);
            List<SecretRule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode rs = s.path("rules");
            if (!rs.isMissingNode() && !rs.isNull()) {
                if (!rs.isArray()) {
                    throw error(at + "/rules", "'rules' must be a list of rules");
                }
                for (int i = 0; i < rs.size(); i++) {
                    SecretRule r = rule(rs.get(i), at + "/rules/" + i);
                    if (!ids.add(r.id())) {
                        throw error(at + "/rules/" + i + "/id", "secret rule '" + r.id() + "' is defined twice");
                    }
                    rules.add(r);
                }
            }
            List<Pattern> allowValues = List.of();
            List<Pattern> allowPaths = List.of();
            JsonNode allow = s.path("allow");
            if (!allow.isMissingNode() && !allow.isNull()) {
                object(allow, at + "/allow", ALLOW_KEYS);
                allowValues = regexes(allow.path("regexes"), at + "/allow/regexes");
                allowPaths = regexes(allow.path("paths"), at + "/allow/paths");
            }
            SecretRules builtIn = SecretRules.builtIn();
            List<String> disabled = strings(s.path("disable"), at + "/disable");
            Set<String> disable = new HashSet<>(disabled);
            for (int i = 0; i < disabled.size(); i++) {
                if (builtIn.rule(disabled.get(i)) == null) {
                    throw error(at + "/disable/" + i, "'" + disabled.get(i)
                            + "' is not a built-in secret rule (see rules.yaml or `drydock secrets --help`)");
                }
            }
            for (int i = 0; i < rules.size(); i++) {
                if (builtIn.rule(rules.get(i).id()) != null) {
                    throw error(at + "/rules/" + i + "/id", "'" + rules.get(i).id() + "' is a built-in rule's id;"
                            + " choose another, and list the built-in one under 'disable' to replace it");
                }
            }
            return new SecretConfig(rules, allowValues, allowPaths, disable, s.toString());
        }

        SecretRule rule(JsonNode r, String at) {
            object(r, at, RULE_KEYS);
            String id = text(r, at, "id", true);
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw error(at + "/id", "secret rule id '" + id + "' must be kebab-case (lower-case letters, digits, '-')");
            }
            Pattern regex = regex(r.get("regex"), at + "/regex");
            List<String> keywords = strings(r.path("keywords"), at + "/keywords");
            if (keywords.isEmpty()) {
                throw error(at, "secret rule '" + id + "' needs 'keywords': strings at least one of which occurs in"
                        + " every match (the regex runs only near them)");
            }
            List<String> lower = new ArrayList<>();
            for (String k : keywords) {
                if (k.isEmpty()) {
                    throw error(at + "/keywords", "secret rule '" + id + "': a keyword is empty");
                }
                lower.add(k.toLowerCase(Locale.ROOT));
            }
            double entropy = 0;
            JsonNode e = r.get("entropy");
            if (e != null) {
                if (!e.isNumber() || e.asDouble() < 0 || e.asDouble() > 8) {
                    throw error(at + "/entropy", "secret rule '" + id + "': entropy must be a number of bits per"
                            + " character between 0 and 8");
                }
                entropy = e.asDouble();
            }
            Severity severity = Severity.HIGH;
            String sev = text(r, at, "severity", false);
            if (sev != null) {
                try {
                    severity = Severity.valueOf(sev.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException x) {
                    throw error(at + "/severity", "secret rule '" + id + "': severity '" + sev
                            + "' is not one of critical, high, medium, low");
                }
            }
            String title = text(r, at, "title", false);
            String category = text(r, at, "category", false);
            return new SecretRule(id, category == null ? "custom" : category, title == null ? id : title, severity,
                    regex, lower, entropy, regexes(r.path("allow"), at + "/allow"), regexes(r.path("paths"), at + "/paths"),
                    regex.pattern().contains("(?s)") || regex.pattern().contains("\\n"), false,
                    new SecretRule.Examples(List.of(), List.of()));
        }

        private void object(JsonNode n, String at, Set<String> known) {
            if (!n.isObject()) {
                throw error(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' must be a mapping");
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw error(at + "/" + k, "unknown key '" + k + "' (expected one of " + String.join(", ",
                            known.stream().sorted().toList()) + ")");
                }
            }
        }

        private String text(JsonNode n, String at, String key, boolean required) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(at, "a secret rule needs '" + key + "'");
                }
                return null;
            }
            if (!v.isValueNode()) {
                throw error(at + "/" + key, "'" + key + "' must be a single value");
            }
            return v.asText();
        }

        private List<String> strings(JsonNode n, String at) {
            List<String> out = new ArrayList<>();
            if (n.isMissingNode() || n.isNull()) {
                return out;
            }
            if (!n.isArray()) {
                throw error(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' must be a list");
            }
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isValueNode() || n.get(i).isNull()) {
                    throw error(at + "/" + i, "expected a string");
                }
                out.add(n.get(i).asText());
            }
            return out;
        }

        private List<Pattern> regexes(JsonNode n, String at) {
            List<String> s = strings(n, at);
            List<Pattern> out = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                out.add(compile(s.get(i), at + "/" + i));
            }
            return out;
        }

        private Pattern regex(JsonNode n, String at) {
            if (n == null || n.isNull() || !n.isValueNode()) {
                throw error(n == null ? at.substring(0, at.lastIndexOf('/')) : at, "a secret rule needs 'regex'");
            }
            return compile(n.asText(), at);
        }

        private Pattern compile(String regex, String at) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw error(at, "bad regular expression '" + regex + "': " + e.getDescription()
                        + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
            }
        }

        private InputException error(String at, String message) {
            Integer line = null;
            for (String p = at; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
                line = lines.get(p);
            }
            return new InputException(file + (line == null ? "" : ":" + line) + ": secrets: " + message);
        }
    }

    /** Whether this changes nothing. */
    public boolean isEmpty() {
        return rules.isEmpty() && allowValues.isEmpty() && allowPaths.isEmpty() && disable.isEmpty();
    }

    /** The built-in rules with this configuration applied: disabled rules out, custom rules and allow rules in. */
    public SecretRules applyTo(SecretRules builtIn) {
        if (isEmpty()) {
            return builtIn;
        }
        List<SecretRule> all = new ArrayList<>();
        for (SecretRule r : builtIn.rules()) {
            if (!disable.contains(r.id())) {
                all.add(r);
            }
        }
        all.addAll(rules);
        List<Pattern> values = new ArrayList<>(builtIn.allowValues());
        values.addAll(allowValues);
        List<Pattern> paths = new ArrayList<>(builtIn.allowPaths());
        paths.addAll(allowPaths);
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return new SecretRules(all, values, paths, builtIn.checksum() * 31 + crc.getValue());
    }
}
