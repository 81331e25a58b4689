package dev.drydock.version;

/**
 * Debian package versions ({@code [epoch:]upstream[-revision]}) ordered exactly as dpkg orders them
 * ({@code dpkg_version_compare} and {@code verrevcmp} in dpkg's lib/dpkg/version.c), and validated like dpkg's
 * {@code parseversion} in lib/dpkg/parsehelp.c. Used for the Debian and Ubuntu ecosystems.
 *
 * <p>Hand-written rather than taken from a library because this comparison decides whether a package is vulnerable:
 * it has to be dpkg's, digit run for digit run, and it is differential-tested against dpkg's own Perl module.
 *
 * <p>Differences from a naive reading, all dpkg's own: the epoch is before the <em>first</em> colon and the
 * revision after the <em>last</em> hyphen; {@code ~} sorts before anything, even the end of the string
 * ({@code 1.0~rc1 < 1.0}); letters sort before every other non-digit ({@code 1.0a < 1.0+}); runs of digits compare
 * as numbers of any length; a missing revision equals revision {@code 0}.
 *
 * <p>Validation follows dpkg: the epoch is a number no larger than {@code INT_MAX}; the upstream version is not empty,
 * starts with a digit (dpkg only warns about this; its Perl module and this class refuse it) and holds only
 * letters, digits and {@code . + ~ - :}; a revision, when there is a hyphen, is not empty and holds only letters, digits
 * and {@code . + ~}. Whitespace is refused rather than trimmed.
 */
public final class DebianVersion implements VersionScheme {

    static final String NAME = "deb";
    private static final long MAX_EPOCH = Integer.MAX_VALUE;

    /** A parsed version: epoch digits (never empty; {@code "0"} when absent), upstream version and revision. */
    public record Parts(String epoch, String upstream, String revision) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        Parts pa = parse(a);
        Parts pb = parse(b);
        int c = DigitStrings.compare(pa.epoch(), pb.epoch());
        if (c != 0) {
            return c;
        }
        c = verrevcmp(pa.upstream(), pb.upstream());
        if (c != 0) {
            return c;
        }
        return verrevcmp(pa.revision(), pb.revision());
    }

    /** Splits and validates {@code version}; throws {@link InvalidVersionException} naming the problem. */
    public static Parts parse(String version) {
        if (version == null || version.isEmpty()) {
            throw invalid(version, "version string is empty");
        }
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) {
                throw invalid(version, "version string has whitespace");
            }
        }
        String epoch = "0";
        String rest = version;
        int colon = version.indexOf(':');
        if (colon >= 0) {
            epoch = version.substring(0, colon);
            if (epoch.isEmpty()) {
                throw invalid(version, "epoch in version is empty");
            }
            if (!DigitStrings.allDigits(epoch)) {
                throw invalid(version, "epoch in version is not number");
            }
            if (DigitStrings.compare(epoch, Long.toString(MAX_EPOCH)) > 0) {
                throw invalid(version, "epoch in version is too big");
            }
            rest = version.substring(colon + 1);
            if (rest.isEmpty()) {
                throw invalid(version, "nothing after colon in version number");
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw invalid(version, "revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw invalid(version, "version number is empty");
        }
        if (!DigitStrings.isDigit(upstream.charAt(0))) {
            throw invalid(version, "version number does not start with digit");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char c = upstream.charAt(i);
            if (!isAlnum(c) && ".-+~:".indexOf(c) < 0) {
                throw invalid(version, "invalid character '" + c + "' in version number");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (!isAlnum(c) && ".+~".indexOf(c) < 0) {
                throw invalid(version, "invalid character '" + c + "' in revision number");
            }
        }
        return new Parts(epoch, upstream, revision);
    }

    /** dpkg's {@code order()}: digits 0 (never reached), letters themselves, {@code ~} below the end, the rest above letters. */
    private static int order(int c) {
        if (DigitStrings.isDigit((char) c)) {
            return 0;
        } else if (DigitStrings.isAsciiLetter((char) c)) {
            return c;
        } else if (c == '~') {
            return -1;
        } else if (c != 0) {
            return c + 256;
        }
        return 0;
    }

    /** dpkg's {@code verrevcmp}: alternating non-digit and digit runs; the end of a string reads as NUL. */
    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !DigitStrings.isDigit(a.charAt(i)))
                    || (j < b.length() && !DigitStrings.isDigit(b.charAt(j)))) {
                int ac = order(charAt(a, i));
                int bc = order(charAt(b, j));
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            int aStart = i;
            while (i < a.length() && DigitStrings.isDigit(a.charAt(i))) {
                i++;
            }
            int bStart = j;
            while (j < b.length() && DigitStrings.isDigit(b.charAt(j))) {
                j++;
            }
            int c = DigitStrings.compare(a, aStart, i, b, bStart, j);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isAlnum(char c) {
        return DigitStrings.isDigit(c) || DigitStrings.isAsciiLetter(c);
    }

    private static InvalidVersionException invalid(String version, String reason) {
        return new InvalidVersionException(NAME, String.valueOf(version), reason + " (dpkg's rules: [epoch:]upstream[-revision])");
    }
}
