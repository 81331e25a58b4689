package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code deny-licenses} rule: whether a package's declared licences leave it only under denied ones.
 *
 * <p>Hand-written because the rule is small and the SPDX library (org.spdx:java-spdx-library) brings tens of
 * megabytes for an expression grammar of four operators. An SPDX expression is read as the spec defines it
 * (https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/): {@code A OR B} is denied only when both are (the
 * user may choose), {@code A AND B} when either is, {@code A WITH exception} as {@code A}. A package with several
 * declared licences (a Debian copyright file lists one per set of files) is under all of them. Text that is not an
 * expression is compared whole. Deprecated ids match their replacements: {@code GPL-2.0} is {@code GPL-2.0-only},
 * {@code GPL-2.0+} is {@code GPL-2.0-or-later}.
 */
final class LicenseDenyList {

    private static final Pattern TOKENS = Pattern.compile("\\s+|(?=[()])|(?<=[()])");
    private static volatile Map<String, String> spdxIds;

    private final List<Pattern> patterns;
    private final List<String> written;

    LicenseDenyList(List<String> denied) {
        this.written = List.copyOf(denied);
        this.patterns = denied.stream().map(LicenseDenyList::glob).toList();
    }

    /** The denied licence that makes this package's licences unacceptable, if they are. */
    Optional<String> deniedBy(List<String> declared) {
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        for (String d : declared) {
            Optional<String> hit = evaluate(d);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** An expression: the denied id that makes it unacceptable, or empty. */
    Optional<String> evaluate(String expression) {
        List<String> tokens = new ArrayList<>();
        for (String t : TOKENS.split(expression.strip())) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.size() > 1) {
            try {
                Parser p = new Parser(tokens);
                Optional<String> r = p.or();
                if (p.pos == tokens.size()) {
                    return r;
                }
            } catch (IllegalStateException notAnExpression) {
                // free text: compared whole below
            }
        }
        return denied(expression.strip());
    }

    private Optional<String> denied(String id) {
        String normal = normalise(id);
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(normal).matches() || patterns.get(i).matcher(id).matches()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Recursive descent: or := and ("OR" and)*; and := with ("AND" with)*; with := atom ("WITH" id)?. */
    private final class Parser {
        final List<String> t;
        int pos;

        Parser(List<String> t) {
            this.t = t;
        }

        Optional<String> or() {
            Optional<String> left = and();
            while (pos < t.size() && t.get(pos).equalsIgnoreCase("OR")) {
                pos++;
                Optional<String> right = and();
                left = left.isPresent() && right.isPresent() ? left : Optional.empty();
            }
            return left;
        }

        Optional<String> and() {
            Optional<String> left = with();
            while (pos < t.size() && t.get(pos).equalsIgnoreCase("AND")) {
                pos++;
                Optional<String> right = with();
                left = left.isPresent() ? left : right;
            }
            return left;
        }

        Optional<String> with() {
            Optional<String> a = atom();
            if (pos < t.size() && t.get(pos).equalsIgnoreCase("WITH")) {
                pos += 2;
                if (pos > t.size()) {
                    throw new IllegalStateException("WITH without exception");
                }
            }
            return a;
        }

        Optional<String> atom() {
            if (pos >= t.size()) {
                throw new IllegalStateException("expression ends early");
            }
            String tok = t.get(pos++);
            if (tok.equals("(")) {
                Optional<String> inner = or();
                if (pos >= t.size() || !t.get(pos++).equals(")")) {
                    throw new IllegalStateException("unbalanced parenthesis");
                }
                return inner;
            }
            if (tok.equals(")") || List.of("AND", "OR", "WITH").contains(tok.toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("operator where a licence belongs");
            }
            return denied(tok);
        }
    }

    /** Deprecated GNU ids to their current spelling. */
    static String normalise(String id) {
        String s = id.strip();
        if (s.endsWith("+")) {
            return s.substring(0, s.length() - 1) + "-or-later";
        }
        if (s.matches("(?i)(A|L)?GPL-[0-9.]+|GFDL-[0-9.]+")) {
            return s + "-only";
        }
        return s;
    }

    private static Pattern glob(String pattern) {
        StringBuilder sb = new StringBuilder("(?i)");
        for (char c : normalise(pattern).toCharArray()) {
            sb.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString());
    }

    /**
     * Checks a {@code deny-licenses} entry: an SPDX licence id (as the SPDX licence list spells it; the list comes
     * with cyclonedx-core-java), a {@code LicenseRef-…}, or a glob with {@code *}. A typo is an error with the nearest id.
     */
    static String checkPattern(PolicyDocument doc, String entry, String path) {
        String e = entry.strip();
        if (e.contains("*") || e.startsWith("LicenseRef-")) {
            return e;
        }
        String base = e.endsWith("+") ? e.substring(0, e.length() - 1) : e;
        String known = ids().get(base.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw doc.error(path, "'" + e + "' is not an SPDX licence id" + Suggestions.didYouMean(e, ids().values())
                    + " (see https://spdx.org/licenses/; globs such as GPL-* are allowed)");
        }
        return e.endsWith("+") ? known + "+" : known;
    }

    private static Map<String, String> ids() {
        Map<String, String> m = spdxIds;
        if (m == null) {
            m = new HashMap<>();
            try (InputStream in = LicenseDenyList.class.getResourceAsStream("/spdx.schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("the SPDX licence list (spdx.schema.json of cyclonedx-core-java) is missing");
                }
                for (JsonNode id : new ObjectMapper().readTree(in).path("enum")) {
                    m.put(id.asText().toLowerCase(Locale.ROOT), id.asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SPDX licence list", e);
            }
            spdxIds = m;
        }
        return m;
    }

    @Override
    public String toString() {
        return String.join(", ", written);
    }
}
