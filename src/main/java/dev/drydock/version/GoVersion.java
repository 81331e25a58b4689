package dev.drydock.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's version order: module versions as {@code golang.org/x/mod/semver} parses and compares them ({@code v1.2.3},
 * the shorthands {@code v1} and {@code v1.2}, pre-releases, build metadata such as {@code +incompatible} ignored,
 * pseudo-versions {@code v0.0.0-20191109021931-daa7c04131f5} ordered as the pre-releases they are), plus the forms
 * OSV's Go ecosystem and Go binaries write:
 * <ul>
 *   <li>without the {@code v} ({@code 1.2.3}, {@code 0}): OSV's Go records drop it;</li>
 *   <li>Go release tags ({@code go1.21.3}, {@code go1.21rc2}, {@code go1.9beta1}, {@code go1}), with or without the
 *   {@code go}, converted as golang/vulndb's {@code GoTagToSemver} converts them ({@code go1.21rc2} is
 *   {@code v1.21.0-rc.2}, {@code go1.20} is {@code v1.20.0}) — the conversion the OSV data was made with.</li>
 * </ul>
 *
 * <p>Hand-written (a port of x/mod/semver's parse and Compare) because the matcher's answers for every Go module and
 * the standard library rest on it. Where x/mod/semver orders invalid versions below valid ones, this scheme throws
 * {@link InvalidVersionException}. Numbers have any length (compared by length, then digits, as x/mod does).
 */
public final class GoVersion implements VersionScheme {

    public static final GoVersion INSTANCE = new GoVersion();

    /** golang/vulndb internal/version's tag pattern. */
    private static final Pattern TAG = Pattern.compile("(\\d+\\.\\d+)(\\.\\d+|)((beta|rc|-pre)(\\d+))?");

    private GoVersion() {
    }

    @Override
    public String name() {
        return "go";
    }

    @Override
    public int compare(String a, String b) {
        return compareCanonical(parse(a), parse(b));
    }

    /** The {@code x/mod/semver} form of a version: {@code v} prefixed, Go tags converted; throws if invalid. */
    public static String toSemver(String version) {
        Parsed p = parse(version);
        return "v" + p.major + "." + p.minor + "." + p.patch + p.prerelease;
    }

    /** x/mod/semver's {@code parsed}: numbers as digit strings, prerelease with its leading {@code -}. */
    private record Parsed(String major, String minor, String patch, String prerelease, String build) {
    }

    private static Parsed parse(String version) {
        VersionInput.check("go", version);
        if (version.isEmpty()) {
            throw new InvalidVersionException("go", String.valueOf(version), "empty");
        }
        String v = version;
        if (v.startsWith("go")) {
            v = fromTag(version, v.substring(2));
        } else if (!v.startsWith("v")) {
            Parsed p = parseSemver("v" + v);
            if (p != null) {
                return p;
            }
            v = fromTag(version, v);
        }
        Parsed p = parseSemver(v);
        if (p == null) {
            throw new InvalidVersionException("go", version, "not a Go module version (vMAJOR[.MINOR[.PATCH[-PRE]]][+BUILD],"
                    + " no leading zeros) nor a Go release (go1.21.3, go1.21rc2)");
        }
        return p;
    }

    /** golang/vulndb's {@code GoTagToSemver}, for the part after {@code go}. */
    private static String fromTag(String original, String tag) {
        if (tag.equals("1")) {
            return "v1.0.0";
        }
        Matcher m = TAG.matcher(tag);
        if (tag.equals("1.0") || !m.matches()) {
            throw new InvalidVersionException("go", original, "not a Go release tag (go1.21.3, go1.21rc2, go1.9beta1)"
                    + " nor a module version");
        }
        StringBuilder b = new StringBuilder("v").append(m.group(1));
        b.append(m.group(2).isEmpty() ? ".0" : m.group(2));
        if (m.group(3) != null) {
            if (!m.group(4).startsWith("-")) {
                b.append('-');
            }
            b.append(m.group(4)).append('.').append(m.group(5));
        }
        return b.toString();
    }

    /** x/mod/semver's {@code parse}; null where it says not ok. */
    private static Parsed parseSemver(String v) {
        if (v.isEmpty() || v.charAt(0) != 'v') {
            return null;
        }
        int[] pos = {1};
        String major = parseInt(v, pos);
        if (major == null) {
            return null;
        }
        if (pos[0] == v.length()) {
            return new Parsed(major, "0", "0", "", "");
        }
        if (v.charAt(pos[0]) != '.') {
            return null;
        }
        pos[0]++;
        String minor = parseInt(v, pos);
        if (minor == null) {
            return null;
        }
        if (pos[0] == v.length()) {
            return new Parsed(major, minor, "0", "", "");
        }
        if (v.charAt(pos[0]) != '.') {
            return null;
        }
        pos[0]++;
        String patch = parseInt(v, pos);
        if (patch == null) {
            return null;
        }
        String prerelease = "";
        String build = "";
        int i = pos[0];
        if (i < v.length() && v.charAt(i) == '-') {
            int end = identifiers(v, i, true);
            if (end < 0) {
                return null;
            }
            prerelease = v.substring(i, end);
            i = end;
        }
        if (i < v.length() && v.charAt(i) == '+') {
            int end = identifiers(v, i, false);
            if (end < 0) {
                return null;
            }
            build = v.substring(i, end);
            i = end;
        }
        return i == v.length() ? new Parsed(major, minor, patch, prerelease, build) : null;
    }

    private static String parseInt(String v, int[] pos) {
        int start = pos[0];
        int i = start;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        if (i == start || (v.charAt(start) == '0' && i != start + 1)) {
            return null;
        }
        pos[0] = i;
        return v.substring(start, i);
    }

    /**
     * x/mod's parsePrerelease ({@code prerelease}: stops at {@code +}, numeric identifiers without leading zeros) and
     * parseBuild: the end of the identifiers starting after {@code v[start]}, or -1.
     */
    private static int identifiers(String v, int start, boolean prerelease) {
        int i = start + 1;
        int identStart = i;
        while (i < v.length() && !(prerelease && v.charAt(i) == '+')) {
            char c = v.charAt(i);
            if (!isIdentChar(c) && c != '.') {
                return -1;
            }
            if (c == '.') {
                if (identStart == i || (prerelease && isBadNum(v.substring(identStart, i)))) {
                    return -1;
                }
                identStart = i + 1;
            }
            i++;
        }
        if (identStart == i || (prerelease && isBadNum(v.substring(identStart, i)))) {
            return -1;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '-';
    }

    private static boolean isBadNum(String s) {
        return s.length() > 1 && s.charAt(0) == '0' && SemVer.isNumeric(s);
    }

    private static int compareCanonical(Parsed x, Parsed y) {
        int c = compareInt(x.major, y.major);
        if (c == 0) {
            c = compareInt(x.minor, y.minor);
        }
        if (c == 0) {
            c = compareInt(x.patch, y.patch);
        }
        return c != 0 ? c : comparePrerelease(x.prerelease, y.prerelease);
    }

    private static int compareInt(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /** x/mod's comparePrerelease on {@code -a.b} strings (empty: a release, which is higher). */
    private static int comparePrerelease(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() ? 1 : -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
            String dx = xs[i];
            String dy = ys[i];
            if (!dx.equals(dy)) {
                boolean ix = SemVer.isNumeric(dx);
                boolean iy = SemVer.isNumeric(dy);
                if (ix != iy) {
                    return ix ? -1 : 1;
                }
                if (ix && dx.length() != dy.length()) {
                    return dx.length() < dy.length() ? -1 : 1;
                }
                return dx.compareTo(dy) < 0 ? -1 : 1;
            }
        }
        return Integer.compare(xs.length, ys.length);
    }
}
