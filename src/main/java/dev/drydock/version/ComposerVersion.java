package dev.drydock.version;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packagist's version order as Composer applies it: both versions normalised by composer/semver's
 * {@code VersionParser::normalize} ({@code v1.2} is {@code 1.2.0.0}, {@code 1.0-b2} is {@code 1.0.0.0-beta2},
 * {@code 1.0.0-p1} is {@code 1.0.0.0-patch1}, {@code 2010-01-02} is {@code 2010.01.02}, build metadata and
 * {@code @stability} flags dropped), then compared with PHP's {@code version_compare} as composer/semver's
 * {@code Constraint} does: {@code dev < alpha = a < beta = b < RC = rc < number < pl = p}, other words below dev.
 *
 * <p>Hand-written (a port of composer/semver 3.3's VersionParser and of PHP's ext/standard/versioning.c) because
 * every Packagist match depends on it; the test scope runs Debian's php-composer-semver against it. Branch names
 * ({@code dev-main}) have no order in Composer and are rejected here. One deliberate difference: PHP reads each
 * number with {@code strtol}, which saturates above 2^63-1; numbers are compared exactly here.
 */
public final class ComposerVersion implements VersionScheme {

    public static final ComposerVersion INSTANCE = new ComposerVersion();

    private static final int FLAGS = Pattern.UNIX_LINES;
    private static final int FLAGS_I = Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE;
    private static final String MODIFIER = "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$", FLAGS);
    private static final Pattern STABILITY_FLAG = Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", FLAGS_I);
    private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$", FLAGS);
    private static final Pattern CLASSICAL = Pattern.compile("^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$", FLAGS_I);
    private static final Pattern DATE = Pattern.compile("^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$", FLAGS_I);
    private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev$", FLAGS_I);
    private static final Pattern NUMERIC_BRANCH = Pattern.compile(
            "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", FLAGS_I);

    private ComposerVersion() {
    }

    @Override
    public String name() {
        return "composer";
    }

    @Override
    public int compare(String a, String b) {
        return versionCompare(comparable(a), comparable(b));
    }

    private static String comparable(String version) {
        String n = normalize(version);
        if (n.startsWith("dev-")) {
            throw new InvalidVersionException("composer", version, "'" + n + "' is a branch, which Composer does not order");
        }
        return n;
    }

    /** composer/semver's {@code VersionParser::normalize($version)}; throws where it throws UnexpectedValueException. */
    public static String normalize(String original) {
        VersionInput.check("composer", original);
        String version = phpTrim(original);
        Matcher m = ALIAS.matcher(version);
        if (m.find()) {
            version = m.group(1);
        }
        m = STABILITY_FLAG.matcher(version);
        if (m.find()) {
            version = version.substring(0, version.length() - m.group().length());
        }
        if (version.equals("master") || version.equals("trunk") || version.equals("default")) {
            version = "dev-" + version;
        }
        if (version.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + version.substring(4);
        }
        m = BUILD.matcher(version);
        if (m.find()) {
            version = m.group(1);
        }
        int index = 0;
        m = CLASSICAL.matcher(version);
        if (m.find()) {
            version = m.group(1) + orDefault(m.group(2)) + orDefault(m.group(3)) + orDefault(m.group(4));
            index = 5;
        } else {
            m = DATE.matcher(version);
            if (m.find()) {
                version = m.group(1).replaceAll("\\D", ".");
                index = 2;
            }
        }
        if (index > 0) {
            String stability = m.group(index);
            if (stability != null && !stability.isEmpty()) {
                if (stability.equals("stable")) {
                    return version;
                }
                String number = m.group(index + 1) == null ? "" : m.group(index + 1);
                version += "-" + expandStability(stability) + ltrim(number);
            }
            if (m.group(index + 2) != null && !m.group(index + 2).isEmpty()) {
                version += "-dev";
            }
            return version;
        }
        m = DEV_SUFFIX.matcher(version);
        if (m.find()) {
            String normalized = normalizeBranch(m.group(1));
            if (!normalized.contains("dev-")) {
                return normalized;
            }
        }
        throw new InvalidVersionException("composer", original, "not a Composer version (1.2.3, v1.2, 1.0.0-beta2,"
                + " 1.0-RC1, 1.0.0-p1, 2010-01-02, 1.x-dev, dev-BRANCH)");
    }

    private static String orDefault(String part) {
        return part == null || part.isEmpty() ? ".0" : part;
    }

    private static String ltrim(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == '-')) {
            i++;
        }
        return s.substring(i);
    }

    private static String expandStability(String stability) {
        String s = stability.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> s;
        };
    }

    private static String normalizeBranch(String name) {
        name = phpTrim(name);
        Matcher m = NUMERIC_BRANCH.matcher(name);
        if (m.find()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < 5; i++) {
                b.append(m.group(i) != null ? m.group(i).replace('*', 'x').replace('X', 'x') : ".x");
            }
            return b.toString().replace("x", "9999999") + "-dev";
        }
        return "dev-" + name;
    }

    /** PHP's {@code trim()}: " \t\n\r\0\x0B" from both ends. */
    private static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " \t\n\r\0\u000B".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\n\r\0\u000B".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    // ---- PHP's version_compare (ext/standard/versioning.c), on ASCII strings ----

    /** {@code php_version_compare}: -1, 0 or 1. PHP strings are bytes: the UTF-8 bytes are compared, one char each. */
    static int versionCompare(String v1, String v2) {
        return phpVersionCompare(bytes(v1), bytes(v2));
    }

    private static String bytes(String s) {
        return new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int phpVersionCompare(String v1, String v2) {
        if (v1.isEmpty() || v2.isEmpty()) {
            return v1.isEmpty() && v2.isEmpty() ? 0 : v1.isEmpty() ? -1 : 1;
        }
        String a = v1.charAt(0) == '#' ? v1 : canonicalize(v1);
        String b = v2.charAt(0) == '#' ? v2 : canonicalize(v2);
        int p1 = 0;
        int p2 = 0;
        int n1 = 0; // index of the '.' ending the current part, -1 when it was the last part
        int n2 = 0;
        int compare = 0;
        while (p1 < a.length() && p2 < b.length() && n1 >= 0 && n2 >= 0) {
            n1 = a.indexOf('.', p1);
            n2 = b.indexOf('.', p2);
            String x = a.substring(p1, n1 < 0 ? a.length() : n1);
            String y = b.substring(p2, n2 < 0 ? b.length() : n2);
            boolean xd = startsWithDigit(x);
            boolean yd = startsWithDigit(y);
            if (xd && yd) {
                compare = leadingNumber(x).compareTo(leadingNumber(y));
            } else if (!xd && !yd) {
                compare = compareSpecial(x, y);
            } else if (xd) {
                compare = compareSpecial("#N#", y);
            } else {
                compare = compareSpecial(x, "#N#");
            }
            compare = Integer.signum(compare);
            if (compare != 0) {
                break;
            }
            if (n1 >= 0) {
                p1 = n1 + 1;
            }
            if (n2 >= 0) {
                p2 = n2 + 1;
            }
        }
        if (compare == 0) {
            if (n1 >= 0) {
                String rest = a.substring(p1);
                compare = startsWithDigit(rest) ? 1 : phpVersionCompare(rest, "#N#");
            } else if (n2 >= 0) {
                String rest = b.substring(p2);
                compare = startsWithDigit(rest) ? -1 : phpVersionCompare("#N#", rest);
            }
        }
        return compare;
    }

    /** {@code php_canonicalize_version}: [-_+] and other non-alphanumerics to one '.', '.' between digits and letters. */
    static String canonicalize(String version) {
        StringBuilder q = new StringBuilder(version.length() * 2);
        char lp = version.charAt(0);
        q.append(lp);
        for (int i = 1; i < version.length(); i++) {
            char p = version.charAt(i);
            char last = q.charAt(q.length() - 1);
            if (p == '-' || p == '_' || p == '+') {
                if (last != '.') {
                    q.append('.');
                }
            } else if ((isNonDigit(lp) && isDigit(p)) || (isDigit(lp) && isNonDigit(p))) {
                if (last != '.') {
                    q.append('.');
                }
                q.append(p);
            } else if (!isAlnum(p)) {
                if (last != '.') {
                    q.append('.');
                }
            } else {
                q.append(p);
            }
            lp = p;
        }
        return q.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonDigit(char c) {
        return !isDigit(c) && c != '.';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean startsWithDigit(String s) {
        return !s.isEmpty() && isDigit(s.charAt(0));
    }

    /** strtol's digits (the part is a digit run after canonicalisation), exactly rather than saturated. */
    private static BigInteger leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return new BigInteger(s.substring(0, i));
    }

    private static final String[] FORMS = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
    private static final int[] ORDER = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};

    /** {@code compare_special_version_forms}: by prefix; anything else is -1, below dev. */
    private static int compareSpecial(String a, String b) {
        return Integer.signum(Integer.compare(form(a), form(b)));
    }

    private static int form(String s) {
        for (int i = 0; i < FORMS.length; i++) {
            if (s.startsWith(FORMS[i])) {
                return ORDER[i];
            }
        }
        return -1;
    }
}
