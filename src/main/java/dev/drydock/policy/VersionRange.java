package dev.drydock.policy;

import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of versions, written as policies write them: comparisons joined by {@code ,} (all must hold) and
 * alternatives joined by {@code ||} ({@code <1.2.3 || >=2.0.0, <2.4.1}), or a Package URL "vers" range
 * ({@code vers:npm/>=1.0.0|<2.0.0}, https://github.com/package-url/purl-spec/blob/main/VERSION-RANGE-SPEC.rst), which
 * CycloneDX VEX uses. Versions compare in the package's ecosystem's own {@link VersionScheme}, never as strings; a
 * bare version means {@code =}.
 */
public final class VersionRange {

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(<=|>=|==|!=|<|>|=)?\\s*(\\S+)\\s*");

    /** The outcome of a test: without a scheme for the ecosystem only equality can be decided. */
    public enum Match { YES, NO, UNKNOWN }

    private record Constraint(String op, String version) {
        @Override
        public String toString() {
            return op + version;
        }
    }

    private final String written;
    private final List<List<Constraint>> alternatives;
    private final boolean vers;

    private VersionRange(String written, List<List<Constraint>> alternatives, boolean vers) {
        this.written = written;
        this.alternatives = alternatives;
        this.vers = vers;
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static VersionRange parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version range");
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("vers:")) {
            int slash = s.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("vers range '" + s + "' has no '/' after its type");
            }
            String body = s.substring(slash + 1).strip();
            if (body.equals("*")) {
                return new VersionRange(s, List.of(List.of()), false);
            }
            List<Constraint> cs = new ArrayList<>();
            for (String part : body.split("\\|")) {
                cs.add(constraint(part, s));
            }
            return new VersionRange(s, List.of(cs), true);
        }
        List<List<Constraint>> alts = new ArrayList<>();
        for (String alt : s.split("\\|\\|")) {
            List<Constraint> all = new ArrayList<>();
            for (String part : alt.split(",")) {
                all.add(constraint(part, s));
            }
            alts.add(all);
        }
        return new VersionRange(s, alts, false);
    }

    private static Constraint constraint(String part, String whole) {
        Matcher m = CONSTRAINT.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + part.strip() + "' in '" + whole + "' is not a comparison such as <2.17.1");
        }
        String op = m.group(1) == null || m.group(1).equals("==") ? "=" : m.group(1);
        String v = m.group(2);
        if (v.matches("[<>=!].*")) {
            throw new IllegalArgumentException("'" + part.strip() + "' in '" + whole + "' is not a comparison such as <2.17.1");
        }
        return new Constraint(op, v);
    }

    /** Whether {@code version} is in the range, comparing with {@code scheme} (null: none known). */
    public Match test(String version, VersionScheme scheme) {
        try {
            if (vers) {
                return testVers(version, scheme);
            }
            boolean unknown = false;
            for (List<Constraint> all : alternatives) {
                Match m = Match.YES;
                for (Constraint c : all) {
                    Match one = holds(c, version, scheme);
                    if (one == Match.NO) {
                        m = Match.NO;
                        break;
                    }
                    if (one == Match.UNKNOWN) {
                        m = Match.UNKNOWN;
                    }
                }
                if (m == Match.YES) {
                    return Match.YES;
                }
                unknown |= m == Match.UNKNOWN;
            }
            return unknown ? Match.UNKNOWN : Match.NO;
        } catch (InvalidVersionException e) {
            return Match.UNKNOWN;
        }
    }

    private static Match holds(Constraint c, String version, VersionScheme scheme) {
        if (scheme == null) {
            boolean same = c.version.equals(version);
            return switch (c.op) {
                case "=" -> same ? Match.YES : Match.UNKNOWN;
                case "!=" -> same ? Match.NO : Match.UNKNOWN;
                default -> Match.UNKNOWN;
            };
        }
        int cmp = scheme.compare(version, c.version);
        boolean ok = switch (c.op) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "!=" -> cmp != 0;
            default -> cmp == 0;
        };
        return ok ? Match.YES : Match.NO;
    }

    /**
     * The vers algorithm: equalities and exclusions first, then the remaining comparisons, sorted by version, read as
     * intervals (a lower bound followed by an upper bound; a leading upper or trailing lower bound is open-ended).
     */
    private Match testVers(String version, VersionScheme scheme) {
        List<Constraint> cs = alternatives.get(0);
        if (cs.isEmpty()) {
            return Match.YES;
        }
        for (Constraint c : cs) {
            if (c.op.equals("=") && holds(c, version, scheme) == Match.YES) {
                return Match.YES;
            }
            if (c.op.equals("!=") && holds(c, version, scheme) == Match.NO) {
                return Match.NO;
            }
        }
        List<Constraint> bounds = new ArrayList<>(cs.stream().filter(c -> !c.op.equals("=") && !c.op.equals("!=")).toList());
        if (bounds.isEmpty()) {
            return scheme == null ? Match.UNKNOWN : Match.NO;
        }
        if (scheme == null) {
            return Match.UNKNOWN;
        }
        bounds.sort(Comparator.comparing(Constraint::version, scheme::compare));
        for (int i = 0; i < bounds.size(); i++) {
            Constraint c = bounds.get(i);
            boolean lower = c.op.startsWith(">");
            if (lower) {
                Constraint upper = i + 1 < bounds.size() && bounds.get(i + 1).op.startsWith("<") ? bounds.get(i + 1) : null;
                if (holds(c, version, scheme) == Match.YES && (upper == null || holds(upper, version, scheme) == Match.YES)) {
                    return Match.YES;
                }
                if (upper != null) {
                    i++;
                }
            } else if (holds(c, version, scheme) == Match.YES) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    @Override
    public String toString() {
        return written;
    }
}
