package dev.drydock.version;

/**
 * RPM versions ({@code [epoch:]version[-release]}) ordered exactly as RPM orders package labels: the string is split
 * like rpm's {@code parseEVR} (librpmio/rpmver.c) and the parts are compared like {@code rpm.labelCompare} in rpm's
 * Python bindings (python/header-py.c), each part with {@code rpmvercmp} (rpmio/rpmvercmp.c). Used for Red Hat,
 * AlmaLinux, Rocky Linux, SUSE, openSUSE, Mageia and openEuler.
 *
 * <p>Hand-written rather than taken from a library because this comparison decides whether a package is vulnerable:
 * it has to be RPM's, and it is differential-tested against RPM's own Python bindings.
 *
 * <p>rpmvercmp in short: separators (anything but ASCII letters, digits, {@code ~} and {@code ^}) only split segments;
 * {@code ~} sorts before everything, even the end ({@code 1.0~rc1 < 1.0}); {@code ^} sorts after the end but before
 * anything else ({@code 1.0 < 1.0^git1 < 1.0.1}); a numeric segment beats an alphabetic one; digit runs compare as
 * numbers of any length; alphabetic runs compare bytewise ({@code Z < a}). A missing epoch is {@code 0}; a label
 * without release is older than the same version with any release (labelCompare's rule).
 *
 * <p>rpmvercmp accepts any string, so validation is drydock's, taken from what rpmbuild lets into a package
 * ({@code ALLOWED_CHARS_VERREL}): the epoch is digits, the version and release are not empty and hold only ASCII
 * letters, digits and {@code . _ + ~ ^}. The release is after the last hyphen, so a version never holds one.
 */
public final class RpmVersion implements VersionScheme {

    static final String NAME = "rpm";

    /** A parsed label: the epoch digits or {@code null} when absent, the version, the release or {@code null}. */
    public record Parts(String epoch, String version, String release) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        Parts pa = parse(a);
        Parts pb = parse(b);
        int c = rpmvercmp(pa.epoch() == null ? "0" : pa.epoch(), pb.epoch() == null ? "0" : pb.epoch());
        if (c != 0) {
            return c;
        }
        c = rpmvercmp(pa.version(), pb.version());
        if (c != 0) {
            return c;
        }
        if (pa.release() == null || pb.release() == null) {
            return pa.release() == null ? (pb.release() == null ? 0 : -1) : 1;
        }
        return rpmvercmp(pa.release(), pb.release());
    }

    /** Splits {@code label} like rpm's parseEVR and validates the parts; throws {@link InvalidVersionException}. */
    public static Parts parse(String label) {
        if (label == null || label.isEmpty()) {
            throw invalid(label, "version is empty");
        }
        int s = 0;
        while (s < label.length() && DigitStrings.isDigit(label.charAt(s))) {
            s++;
        }
        String epoch = null;
        int versionStart = 0;
        if (s < label.length() && label.charAt(s) == ':') {
            epoch = s == 0 ? "0" : label.substring(0, s);
            versionStart = s + 1;
        }
        int hyphen = label.lastIndexOf('-');
        String version;
        String release = null;
        if (hyphen >= s) {
            // like rpm's strrchr(s, '-'): the last hyphen after the epoch's digits ends the version
            version = label.substring(versionStart, Math.max(versionStart, hyphen));
            release = label.substring(hyphen + 1);
        } else {
            version = label.substring(versionStart);
        }
        check(label, "version", version);
        if (release != null) {
            check(label, "release", release);
        }
        return new Parts(epoch, version, release);
    }

    private static void check(String label, String what, String part) {
        if (part.isEmpty()) {
            throw invalid(label, what + " is empty");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!DigitStrings.isDigit(c) && !DigitStrings.isAsciiLetter(c) && "._+~^".indexOf(c) < 0) {
                throw invalid(label, "invalid character '" + c + "' in " + what);
            }
        }
    }

    /** rpm's {@code rpmvercmp}, step for step, with string indexes for its pointers. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int one = 0;
        int two = 0;
        while (one < a.length() || two < b.length()) {
            while (one < a.length() && isSeparator(a.charAt(one))) {
                one++;
            }
            while (two < b.length() && isSeparator(b.charAt(two))) {
                two++;
            }
            char c1 = at(a, one);
            char c2 = at(b, two);
            // tilde sorts before everything else, even the end
            if (c1 == '~' || c2 == '~') {
                if (c1 != '~') {
                    return 1;
                }
                if (c2 != '~') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            // caret is like tilde except that the end sorts before it
            if (c1 == '^' || c2 == '^') {
                if (c1 == 0) {
                    return -1;
                }
                if (c2 == 0) {
                    return 1;
                }
                if (c1 != '^') {
                    return 1;
                }
                if (c2 != '^') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == 0 || c2 == 0) {
                break;
            }
            // the first all-digit or all-letter segment of each, its kind chosen by a's
            boolean isNum = DigitStrings.isDigit(c1);
            int end1 = segmentEnd(a, one, isNum);
            int end2 = segmentEnd(b, two, isNum);
            // segments of different types: numeric is newer than alphabetic
            if (end2 == two) {
                return isNum ? 1 : -1;
            }
            int c = isNum
                    ? DigitStrings.compare(a, one, end1, b, two, end2)
                    : Integer.signum(a.substring(one, end1).compareTo(b.substring(two, end2)));
            if (c != 0) {
                return c;
            }
            one = end1;
            two = end2;
        }
        if (one >= a.length() && two >= b.length()) {
            return 0;
        }
        return one >= a.length() ? -1 : 1;
    }

    private static int segmentEnd(String s, int from, boolean digits) {
        int i = from;
        while (i < s.length() && (digits ? DigitStrings.isDigit(s.charAt(i)) : DigitStrings.isAsciiLetter(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(char c) {
        return !DigitStrings.isDigit(c) && !DigitStrings.isAsciiLetter(c) && c != '~' && c != '^';
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static InvalidVersionException invalid(String label, String reason) {
        return new InvalidVersionException(NAME, String.valueOf(label), reason + " (RPM labels are [epoch:]version[-release])");
    }
}
