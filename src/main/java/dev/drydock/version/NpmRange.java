package dev.drydock.version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm version range as node-semver 7 reads it ({@code new Range(range)}, loose=false, includePrerelease=false) and
 * its {@code satisfies}: {@code ^}, {@code ~}, x-ranges ({@code 1.x}, {@code 1.2.*}, {@code *}), hyphen ranges
 * ({@code 1.2 - 2.3.4}), primitive comparators and {@code ||}. A pre-release version satisfies a comparator set only
 * when some comparator in the set names a pre-release of the same {@code MAJOR.MINOR.PATCH}.
 *
 * <p>Hand-written as a port of node-semver's {@code classes/range.js}, {@code classes/comparator.js} and
 * {@code internal/re.js} (the "safe" regexes, which bound repetition), keeping its string rewriting steps in their
 * order, because the grammar is defined by that code rather than by a spec and the matcher must agree with npm.
 */
public final class NpmRange {

    private static final String S = JsText.S;
    private static final String NUMID = "0|[1-9]\\d{0,256}";
    private static final String NONNUMID = "\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}";
    private static final String PREID = "(?:" + NONNUMID + "|" + NUMID + ")";
    private static final String PRERELEASE = "(?:-(" + PREID + "(?:\\." + PREID + ")*))";
    private static final String BUILDID = "[a-zA-Z0-9-]{1,250}";
    private static final String BUILD = "(?:\\+(" + BUILDID + "(?:\\." + BUILDID + ")*))";
    private static final String MAINVERSION = "(" + NUMID + ")\\.(" + NUMID + ")\\.(" + NUMID + ")";
    private static final String FULLPLAIN = "v?" + MAINVERSION + PRERELEASE + "?" + BUILD + "?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String XRANGEID = NUMID + "|x|X|\\*";
    private static final String XRANGEPLAIN = "[v=" + JsText.WS + "]*(" + XRANGEID + ")(?:\\.(" + XRANGEID + ")(?:\\.("
            + XRANGEID + ")(?:" + PRERELEASE + ")?" + BUILD + "?)?)?";

    /** {@code BUILDSTRIPRE}: built from the unbounded source, global. */
    private static final Pattern BUILD_STRIP = Pattern.compile("(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))");
    private static final Pattern BUILD_RE = Pattern.compile(BUILD);
    private static final Pattern HYPHENRANGE = Pattern.compile("^" + S + "{0,1}(" + XRANGEPLAIN + ")" + S + "{1,1}-" + S
            + "{1,1}(" + XRANGEPLAIN + ")" + S + "{0,1}\\z");
    private static final Pattern TILDETRIM = Pattern.compile("(" + S + "{0,1})(?:~>?)" + S + "{1,1}");
    private static final Pattern CARETTRIM = Pattern.compile("(" + S + "{0,1})(?:\\^)" + S + "{1,1}");
    static final Pattern TILDE = Pattern.compile("^(?:~>?)" + XRANGEPLAIN + "\\z");
    static final Pattern CARET = Pattern.compile("^(?:\\^)" + XRANGEPLAIN + "\\z");
    static final Pattern XRANGE = Pattern.compile("^" + GTLT + S + "{0,1}" + XRANGEPLAIN + "\\z");
    private static final Pattern STAR = Pattern.compile("(<|>)?=?" + S + "{0,1}\\*");
    private static final Pattern GTE0 = Pattern.compile("^" + S + "{0,1}>=" + S + "{0,1}0\\.0\\.0" + S + "{0,1}\\z");
    private static final Pattern COMPARATOR = Pattern.compile("^" + GTLT + S + "{0,1}(" + FULLPLAIN + ")\\z|^\\z");
    private static final Pattern SPACES = Pattern.compile(S + "+");
    /** A bound on input (node-semver has none; real ranges are tens of characters). */
    static final int MAX_RANGE_LENGTH = 4096;

    private final String raw;
    private final List<List<Comparator>> set;

    private NpmRange(String raw, List<List<Comparator>> set) {
        this.raw = raw;
        this.set = set;
    }

    /** A comparator: operator ({@code ""} for equality, {@code <}, {@code <=}, {@code >}, {@code >=}) and version; no version: any. */
    record Comparator(String operator, SemVer semver, String value) {
        boolean test(SemVer v) {
            if (semver == null) {
                return true;
            }
            int c = v.compareTo(semver);
            return switch (operator) {
                case "" -> c == 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** node-semver's {@code satisfies(version, range)}: false when either does not parse. */
    public static boolean satisfies(String version, String range) {
        NpmRange r;
        try {
            r = parse(range);
        } catch (InvalidVersionException e) {
            return false;
        }
        return r.test(version);
    }

    /** Parses a range as {@code new Range(range)} does; throws {@link InvalidVersionException} where it throws. */
    public static NpmRange parse(String range) {
        if (range == null) {
            throw new InvalidVersionException("npm range", "null", "no range");
        }
        if (range.length() > MAX_RANGE_LENGTH) {
            throw new InvalidVersionException("npm range", range.substring(0, 40) + "...", "longer than "
                    + MAX_RANGE_LENGTH + " characters");
        }
        String raw;
        List<List<Comparator>> set = new ArrayList<>();
        try {
            raw = SPACES.matcher(JsText.trim(range)).replaceAll(" ");
            for (String part : raw.split(Pattern.quote("||"), -1)) {
                List<Comparator> comps = parseRange(range, JsText.trim(part));
                if (!comps.isEmpty()) {
                    set.add(comps);
                }
            }
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition of a group: thousands of pre-release identifiers in one
            // comparator exhaust the stack. No real range comes near; say so rather than crash.
            throw new InvalidVersionException("npm range", range.substring(0, Math.min(40, range.length())) + "...",
                    "too many identifiers in one comparator to evaluate");
        }
        if (set.isEmpty()) {
            throw new InvalidVersionException("npm range", range, "no comparators");
        }
        if (set.size() > 1) {
            List<Comparator> first = set.get(0);
            set.removeIf(c -> isNullSet(c.get(0)));
            if (set.isEmpty()) {
                set.add(first);
            } else if (set.size() > 1) {
                for (List<Comparator> c : set) {
                    if (c.size() == 1 && c.get(0).value().isEmpty()) {
                        set = new ArrayList<>(List.of(c));
                        break;
                    }
                }
            }
        }
        return new NpmRange(raw, List.copyOf(set));
    }

    /** The comparator sets, {@code ||}-joined as node-semver's {@code range.range} prints them. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (List<Comparator> comps : set) {
            if (!b.isEmpty()) {
                b.append("||");
            }
            b.append(String.join(" ", comps.stream().map(c -> JsText.trim(c.value())).toList()));
        }
        return b.toString();
    }

    /** The range as given, whitespace collapsed. */
    public String raw() {
        return raw;
    }

    List<List<Comparator>> set() {
        return set;
    }

    /** node-semver's {@code range.test(version)}: false for an empty or unparsable version. */
    public boolean test(String version) {
        if (version == null || version.isEmpty()) {
            return false;
        }
        SemVer v;
        try {
            v = SemVer.parseNpm(version);
        } catch (InvalidVersionException e) {
            return false;
        }
        return test(v);
    }

    public boolean test(SemVer version) {
        for (List<Comparator> comps : set) {
            if (testSet(comps, version)) {
                return true;
            }
        }
        return false;
    }

    private static boolean testSet(List<Comparator> comps, SemVer version) {
        for (Comparator c : comps) {
            if (!c.test(version)) {
                return false;
            }
        }
        if (version.isPrerelease()) {
            // A pre-release only matches where the range names a pre-release of the same [major, minor, patch].
            for (Comparator c : comps) {
                if (c.semver() != null && c.semver().isPrerelease() && c.semver().compareMain(version) == 0) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean isNullSet(Comparator c) {
        return c.value().equals("<0.0.0-0");
    }

    private static List<Comparator> parseRange(String original, String range) {
        range = BUILD_STRIP.matcher(range).replaceAll("");
        range = replaceFirst(HYPHENRANGE, range, NpmRangeSugar::hyphen);
        range = ComparatorWhitespace.trim(range);
        range = TILDETRIM.matcher(range).replaceAll("$1~");
        range = CARETTRIM.matcher(range).replaceAll("$1^");
        List<String> parsed = new ArrayList<>();
        for (String comp : range.split(" ", -1)) {
            parsed.add(parseComparator(comp));
        }
        List<Comparator> comparators = new ArrayList<>();
        for (String comp : splitWs(String.join(" ", parsed))) {
            comparators.add(comparator(original, replaceFirst(GTE0, JsText.trim(comp), m -> "")));
        }
        // All comparators are built (and may fail) before a null set short-cuts, as in node-semver.
        Map<String, Comparator> byValue = new LinkedHashMap<>();
        for (Comparator c : comparators) {
            if (isNullSet(c)) {
                return List.of(c);
            }
            byValue.put(c.value(), c);
        }
        if (byValue.size() > 1) {
            byValue.remove("");
        }
        return List.copyOf(byValue.values());
    }

    private static Comparator comparator(String original, String comp) {
        comp = String.join(" ", splitWs(JsText.trim(comp)));
        Matcher m = COMPARATOR.matcher(comp);
        if (!m.find()) {
            throw new InvalidVersionException("npm range", original, "invalid comparator '" + comp + "'");
        }
        String op = m.group(1) == null ? "" : m.group(1);
        if (op.equals("=")) {
            op = "";
        }
        if (m.group(2) == null || m.group(2).isEmpty()) {
            return new Comparator(op, null, "");
        }
        SemVer v;
        try {
            v = SemVer.parseNpm(m.group(2));
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("npm range", original, "in comparator '" + comp + "': " + e.getMessage());
        }
        String version = v.major() + "." + v.minor() + "." + v.patch()
                + (v.isPrerelease() ? "-" + String.join(".", v.prerelease()) : "");
        return new Comparator(op, v, op + version);
    }

    private static String parseComparator(String comp) {
        comp = replaceFirst(BUILD_RE, comp, m -> "");
        comp = mapWords(JsText.trim(comp), NpmRangeSugar::caret);
        comp = mapWords(JsText.trim(comp), NpmRangeSugar::tilde);
        comp = mapWords(comp, c -> NpmRangeSugar.xRange(JsText.trim(c)));
        return replaceFirst(STAR, JsText.trim(comp), m -> "");
    }

    private static String mapWords(String s, Function<String, String> f) {
        List<String> out = new ArrayList<>();
        for (String w : splitWs(s)) {
            out.add(f.apply(w));
        }
        return String.join(" ", out);
    }

    /** JavaScript's {@code s.split(/\s+/)}: keeps leading and trailing empty strings. */
    private static String[] splitWs(String s) {
        return SPACES.split(s, -1);
    }

    /** JavaScript's {@code s.replace(regex, fn)} for a regex without the g flag: the first match only. */
    static String replaceFirst(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        return s.substring(0, m.start()) + f.apply(m) + s.substring(m.end());
    }
}
