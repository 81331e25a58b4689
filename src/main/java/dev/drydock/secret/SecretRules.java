package dev.drydock.secret;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.CRC32;

/**
 * The rule set: the built-in rules from {@code rules.yaml} beside this class, and the allow-lists every rule shares
 * (example values, placeholders, documentation and test suites inside packages).
 *
 * @param allowValues secrets matching any of these are never reported
 * @param allowPaths  files whose path matches any of these are not scanned
 * @param checksum    of the rules file: part of the analyzer's cache key, so a changed rule re-scans every layer
 */
public record SecretRules(List<SecretRule> rules, List<Pattern> allowValues, List<Pattern> allowPaths, long checksum) {

    static final String RESOURCE = "rules.yaml";

    public SecretRules {
        rules = List.copyOf(rules);
        allowValues = List.copyOf(allowValues);
        allowPaths = List.copyOf(allowPaths);
    }

    private static volatile SecretRules builtIn;

    /** The built-in rules, read once. */
    public static SecretRules builtIn() {
        SecretRules r = builtIn;
        if (r == null) {
            try (InputStream in = SecretRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                r = parse(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = r;
        }
        return r;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Document(List<RuleDoc> rules, @JsonProperty("allow-values") List<String> allowValues,
                    @JsonProperty("allow-paths") List<String> allowPaths) {
    }

    record RuleDoc(String id, String category, String title, Severity severity, String regex, List<String> keywords,
                   Double entropy, List<String> allow, List<String> paths, Boolean multiline, Boolean fallback,
                   @JsonProperty("true") List<String> positive, @JsonProperty("false") List<String> negative) {
    }

    /** Parses and checks a rules document; every problem names the rule. */
    static SecretRules parse(byte[] yaml) throws IOException {
        ObjectMapper m = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Document d = m.readValue(yaml, Document.class);
        List<SecretRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleDoc r : d.rules()) {
            String where = "secret rule " + r.id();
            if (r.id() == null || !r.id().matches("[a-z0-9]+(-[a-z0-9]+)*") || !ids.add(r.id())) {
                throw new IllegalArgumentException(where + ": id missing, not kebab-case, or a duplicate");
            }
            if (r.regex() == null || r.keywords() == null || r.keywords().isEmpty() || r.severity() == null
                    || r.category() == null || r.title() == null) {
                throw new IllegalArgumentException(where + ": needs title, category, severity, regex and keywords");
            }
            for (String k : r.keywords()) {
                if (!k.equals(k.toLowerCase(Locale.ROOT)) || k.isEmpty()) {
                    throw new IllegalArgumentException(where + ": keyword '" + k + "' must be non-empty lower case");
                }
            }
            rules.add(new SecretRule(r.id(), r.category(), r.title(), r.severity(), compile(where, r.regex()),
                    r.keywords(), r.entropy() == null ? 0 : r.entropy(), compileAll(where, r.allow()),
                    compileAll(where, r.paths()), Boolean.TRUE.equals(r.multiline()), Boolean.TRUE.equals(r.fallback()),
                    new SecretRule.Examples(r.positive(), r.negative())));
        }
        CRC32 crc = new CRC32();
        crc.update(yaml);
        return new SecretRules(rules, compileAll("allow-values", d.allowValues()),
                compileAll("allow-paths", d.allowPaths()), crc.getValue());
    }

    private static List<Pattern> compileAll(String where, List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        if (regexes != null) {
            for (String s : regexes) {
                out.add(compile(where, s));
            }
        }
        return out;
    }

    private static Pattern compile(String where, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad regex: " + e.getDescription() + " in " + regex, e);
        }
    }

    public SecretRule rule(String id) {
        for (SecretRule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    boolean pathAllowed(String path) {
        for (Pattern p : allowPaths) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    boolean valueAllowed(String secret) {
        for (Pattern p : allowValues) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return false;
    }
}
