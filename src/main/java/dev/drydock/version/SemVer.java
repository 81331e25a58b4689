package dev.drydock.version;

import java.math.BigInteger;
import java.util.List;

/**
 * A Semantic Versioning 2.0.0 version (https://semver.org/spec/v2.0.0.html) and its precedence: major, minor and patch
 * numerically; a pre-release sorts before its release; pre-release identifiers left to right, numeric ones numerically
 * and below alphanumeric ones (ASCII order), a longer list of equal prefix higher; build metadata ignored.
 *
 * <p>Hand-written because it is the domain core the matcher's correctness rests on, and it must follow the references
 * to the character. Numbers are {@link BigInteger}: any length, no overflow.
 *
 * <p>Two schemes read it: {@link #SCHEME} (name {@code semver}: the 2.0.0 grammar exactly) and {@link #NPM} (name
 * {@code npm}: node-semver's {@code compare(a, b)} with {@code loose=false}, which also accepts a leading {@code v},
 * surrounding whitespace as JavaScript's {@code trim()} strips it, at most 256 characters and major/minor/patch at most
 * {@code Number.MAX_SAFE_INTEGER}). One deliberate difference from node-semver: numeric pre-release identifiers above
 * 2^53 are compared exactly, where node-semver compares them as rounded doubles.
 */
public final class SemVer implements Comparable<SemVer> {

    /** node-semver's {@code MAX_LENGTH}: longer inputs are invalid before anything else is looked at. */
    static final int NPM_MAX_LENGTH = 256;
    /** JavaScript's {@code Number.MAX_SAFE_INTEGER}, node-semver's bound on major, minor and patch. */
    static final BigInteger NPM_MAX_SAFE_INTEGER = BigInteger.valueOf(9007199254740991L);

    /** SemVer 2.0.0 precedence; name {@code semver}. */
    public static final VersionScheme SCHEME = new Scheme("semver", false);
    /** node-semver's {@code compare} (loose=false); name {@code npm}. */
    public static final VersionScheme NPM = new Scheme("npm", true);

    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> prerelease;
    private final List<String> build;

    SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.build = List.copyOf(build);
    }

    /** Parses a SemVer 2.0.0 version exactly as the spec's grammar has it (no {@code v}, no spaces). */
    public static SemVer parse(String version) {
        return parse("semver", version, version);
    }

    /** Parses a version as node-semver's {@code new SemVer(version)} does (loose=false). */
    public static SemVer parseNpm(String version) {
        if (version == null) {
            throw new InvalidVersionException("npm", "null", "no version");
        }
        if (version.length() > NPM_MAX_LENGTH) {
            throw new InvalidVersionException("npm", version.substring(0, 40) + "...", "longer than " + NPM_MAX_LENGTH
                    + " characters");
        }
        String s = JsText.trim(version);
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        SemVer v = parse("npm", version, s);
        for (BigInteger n : List.of(v.major, v.minor, v.patch)) {
            if (n.compareTo(NPM_MAX_SAFE_INTEGER) > 0) {
                throw new InvalidVersionException("npm", version, n + " is above node-semver's largest number "
                        + NPM_MAX_SAFE_INTEGER);
            }
        }
        return v;
    }

    private static SemVer parse(String scheme, String original, String s) {
        VersionInput.check(scheme, original);
        // MAJOR.MINOR.PATCH[-PRE][+BUILD], scanned by hand: linear, and no regex recursion on long identifier lists.
        int[] pos = {0};
        BigInteger major = number(s, pos);
        BigInteger minor = major != null && dot(s, pos) ? number(s, pos) : null;
        BigInteger patch = minor != null && dot(s, pos) ? number(s, pos) : null;
        List<String> pre = List.of();
        List<String> build = List.of();
        boolean ok = patch != null;
        if (ok && pos[0] < s.length() && s.charAt(pos[0]) == '-') {
            pre = identifiers(s, pos, true);
            ok = pre != null;
        }
        if (ok && pos[0] < s.length() && s.charAt(pos[0]) == '+') {
            build = identifiers(s, pos, false);
            ok = build != null;
        }
        if (!ok || pos[0] != s.length()) {
            throw new InvalidVersionException(scheme, original, reason(s));
        }
        return new SemVer(major, minor, patch, pre, build);
    }

    private static boolean dot(String s, int[] pos) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == '.') {
            pos[0]++;
            return true;
        }
        return false;
    }

    /** {@code 0|[1-9][0-9]*} at pos, or null. */
    private static BigInteger number(String s, int[] pos) {
        int start = pos[0];
        int i = start;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || (s.charAt(start) == '0' && i > start + 1)) {
            return null;
        }
        pos[0] = i;
        return new BigInteger(s.substring(start, i));
    }

    /** After the '-' or '+' at pos: dot-separated non-empty [0-9A-Za-z-] identifiers (numeric pre-release ones without leading zeros). */
    private static List<String> identifiers(String s, int[] pos, boolean prerelease) {
        List<String> ids = new java.util.ArrayList<>();
        int i = pos[0] + 1;
        while (true) {
            int start = i;
            while (i < s.length() && isIdentifierChar(s.charAt(i))) {
                i++;
            }
            String id = s.substring(start, i);
            if (id.isEmpty() || (prerelease && id.length() > 1 && id.charAt(0) == '0' && isNumeric(id))) {
                return null;
            }
            ids.add(id);
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                continue;
            }
            pos[0] = i;
            return ids;
        }
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    /** A hint at what is wrong, for the error message. */
    static String reason(String s) {
        if (s.isEmpty()) {
            return "empty";
        }
        if (!s.matches("(?s)[0-9]+\\.[0-9]+\\.[0-9]+.*")) {
            return "expected MAJOR.MINOR.PATCH";
        }
        if (s.matches("(?s)(?:0[0-9]|[0-9]+\\.0[0-9]|[0-9]+\\.[0-9]+\\.0[0-9]).*")) {
            return "numbers must not have leading zeros";
        }
        return "not MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] (identifiers are [0-9A-Za-z-], non-empty,"
                + " numeric pre-release identifiers without leading zeros)";
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    public List<String> prerelease() {
        return prerelease;
    }

    public List<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Precedence (build metadata ignored). */
    @Override
    public int compareTo(SemVer o) {
        int c = compareMain(o);
        return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    int compareMain(SemVer o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        return Integer.signum(c);
    }

    /** SemVer 2.0.0 §11.3-4: no pre-release is higher; identifiers pairwise; more identifiers higher. */
    static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numeric identifiers (no leading zeros, so length first) below alphanumeric ones; those in ASCII order. */
    static int compareIdentifier(String x, String y) {
        boolean xn = isNumeric(x);
        boolean yn = isNumeric(y);
        if (xn && yn) {
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            return Integer.signum(c);
        }
        if (xn != yn) {
            return xn ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer v && compareTo(v) == 0 && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return major.hashCode() * 31 + prerelease.hashCode();
    }

    /** The canonical form, {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
                + (build.isEmpty() ? "" : "+" + String.join(".", build));
    }

    private record Scheme(String name, boolean npm) implements VersionScheme {
        @Override
        public int compare(String a, String b) {
            SemVer x = npm ? parseNpm(a) : parse(a);
            SemVer y = npm ? parseNpm(b) : parse(b);
            return x.compareTo(y);
        }
    }
}
