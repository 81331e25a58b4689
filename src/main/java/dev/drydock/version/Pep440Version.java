package dev.drydock.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python package versions (PEP 440), parsed, normalised and ordered exactly as {@code packaging.version.Version}
 * does (the same regular expression, {@code _parse_letter_version}, {@code _parse_local_version} and {@code _cmpkey}).
 * Used for the PyPI ecosystem. Legacy (non-PEP 440) versions are errors, as in packaging 22 and later.
 *
 * <p>Hand-written rather than taken from a library because no Java library follows packaging exactly and this
 * comparison decides whether a package is vulnerable; it is differential-tested against packaging itself.
 *
 * <p>The ordering: epoch, then the release with trailing zeros ignored ({@code 1.0 == 1.0.0}), then
 * {@code .devN < aN < bN < rcN < (final) < .postN}, where a dev release of a pre or post release sits just below it; a
 * local version ({@code +ubuntu.1}) sorts above the same version without one, its numeric parts above its alphabetic
 * ones. Spellings normalise: {@code alpha}/{@code a}, {@code beta}/{@code b}, {@code c}/{@code pre}/{@code preview}/{@code
 * rc}, {@code rev}/{@code r}/{@code post}, {@code 1.0-1} is {@code 1.0.post1}, a leading {@code v} and separators
 * {@code - _ .} are optional, case is ignored, numbers lose leading zeros and have any length.
 *
 * <p>One deliberate difference: packaging's Python regex lets a little non-ASCII text through (Unicode whitespace
 * around the version, and in packaging before 26 a long s (U+017F) read as an s in {@code post}); here any
 * non-ASCII character is an error.
 */
public final class Pep440Version implements VersionScheme {

    static final String NAME = "pep440";

    // packaging.version.VERSION_PATTERN, anchored with surrounding whitespace like Version._regex
    private static final Pattern PATTERN = Pattern.compile(
            "^[\\s\\x1c-\\x1f]*v?"
                    + "(?:"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
                    + ")"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "[\\s\\x1c-\\x1f]*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LOCAL_SEPARATORS = Pattern.compile("[-_.]");

    /**
     * A parsed version. Numbers are canonical digit strings (no leading zeros). {@code preLetter} is {@code a},
     * {@code b} or {@code rc}; absent parts are {@code null}; {@code local} holds lowercase strings and canonical numbers.
     */
    public record Parsed(String epoch, List<String> release, String preLetter, String preNumber, String post,
                         String dev, List<String> local) {

        /** The normalised spelling, as {@code str(packaging.version.Version(v))}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!epoch.equals("0")) {
                sb.append(epoch).append('!');
            }
            sb.append(String.join(".", release));
            if (preLetter != null) {
                sb.append(preLetter).append(preNumber);
            }
            if (post != null) {
                sb.append(".post").append(post);
            }
            if (dev != null) {
                sb.append(".dev").append(dev);
            }
            if (local != null) {
                sb.append('+').append(String.join(".", local));
            }
            return sb.toString();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The normalised spelling of {@code version} ({@code str(Version(version))}). */
    public static String normalize(String version) {
        return parse(version).toString();
    }

    /** Parses {@code version}; throws {@link InvalidVersionException} when packaging would raise InvalidVersion. */
    public static Parsed parse(String version) {
        if (version == null) {
            throw new InvalidVersionException(NAME, "null", "version is missing");
        }
        for (int i = 0; i < version.length(); i++) {
            if (version.charAt(i) > 0x7f) {
                throw new InvalidVersionException(NAME, version, "non-ASCII character at offset " + i);
            }
        }
        Matcher m = PATTERN.matcher(version);
        if (!m.matches()) {
            throw new InvalidVersionException(NAME, version,
                    "not a PEP 440 version ([N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local])");
        }
        String epoch = m.group("epoch") == null ? "0" : DigitStrings.stripLeadingZeros(m.group("epoch"));
        List<String> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(DigitStrings.stripLeadingZeros(part));
        }
        String preLetter = null;
        String preNumber = null;
        if (m.group("prel") != null) {
            preLetter = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc"; // c, pre, preview, rc
            };
            preNumber = number(m.group("pren"));
        }
        String post = null;
        if (m.group("postl") != null) {
            post = number(m.group("postn2"));
        } else if (m.group("postn1") != null) {
            post = number(m.group("postn1")); // implicit post release: 1.0-1
        }
        String dev = m.group("devl") == null ? null : number(m.group("devn"));
        List<String> local = null;
        if (m.group("local") != null) {
            local = new ArrayList<>();
            for (String part : LOCAL_SEPARATORS.split(m.group("local"))) {
                local.add(DigitStrings.allDigits(part) ? DigitStrings.stripLeadingZeros(part)
                        : part.toLowerCase(Locale.ROOT));
            }
        }
        return new Parsed(epoch, List.copyOf(release), preLetter, preNumber, post, dev,
                local == null ? null : List.copyOf(local));
    }

    private static String number(String digits) {
        return digits == null ? "0" : DigitStrings.stripLeadingZeros(digits);
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        int c = DigitStrings.compare(x.epoch(), y.epoch());
        if (c != 0) {
            return c;
        }
        c = compareRelease(x.release(), y.release());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(x), preRank(y));
        if (c == 0 && x.preLetter() != null) {
            c = DigitStrings.compare(x.preNumber(), y.preNumber());
        }
        if (c != 0) {
            return c;
        }
        c = compareOptional(x.post(), y.post(), -1);
        if (c != 0) {
            return c;
        }
        c = compareOptional(x.dev(), y.dev(), 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(x.local(), y.local());
    }

    /** The release tuples with trailing zeros dropped, compared as tuples (a prefix is smaller). */
    private static int compareRelease(List<String> a, List<String> b) {
        int na = significant(a);
        int nb = significant(b);
        for (int i = 0; i < Math.min(na, nb); i++) {
            int c = DigitStrings.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(na, nb);
    }

    private static int significant(List<String> release) {
        int n = release.size();
        while (n > 0 && release.get(n - 1).equals("0")) {
            n--;
        }
        return n;
    }

    /**
     * _cmpkey's {@code _pre}: a dev release with neither pre nor post release sorts before every pre-release
     * (NegativeInfinity, rank 0); a pre-release ranks by its letter; no pre-release is Infinity.
     */
    private static int preRank(Parsed v) {
        if (v.preLetter() == null) {
            return v.post() == null && v.dev() != null ? 0 : 4;
        }
        return switch (v.preLetter()) {
            case "a" -> 1;
            case "b" -> 2;
            default -> 3;
        };
    }

    /** Compares optional numbers; an absent one sorts at {@code absent} (-1: below all, 1: above all). */
    private static int compareOptional(String a, String b, int absent) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : absent) : -absent;
        }
        return DigitStrings.compare(a, b);
    }

    /** No local version is smallest; parts compare numbers numerically, above any string; a prefix is smaller. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = DigitStrings.allDigits(x);
            boolean yn = DigitStrings.allDigits(y);
            int c;
            if (xn && yn) {
                c = DigitStrings.compare(x, y);
            } else if (xn != yn) {
                c = xn ? 1 : -1;
            } else {
                c = Integer.signum(x.compareTo(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
