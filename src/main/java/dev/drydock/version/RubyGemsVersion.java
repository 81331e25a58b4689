package dev.drydock.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems versions validated and ordered exactly as {@code Gem::Version} does (rubygems/version.rb: the
 * {@code ANCHORED_VERSION_PATTERN}, the {@code "-"} to {@code ".pre."} rewrite, {@code canonical_segments} and
 * {@code <=>}). Used for the RubyGems ecosystem.
 *
 * <p>Hand-written rather than taken from a library because this comparison decides whether a package is vulnerable;
 * it is differential-tested against Ruby's own Gem::Version.
 *
 * <p>The rules: the version splits into runs of digits and runs of letters ({@code 1.0.b1} is {@code 1 0 b 1});
 * a letter run makes a prerelease, older than the release ({@code 1.0.a < 1.0}); trailing zeros are dropped from the
 * release part and from the prerelease part ({@code 1.0 == 1}, {@code 1.0.a.0 == 1.a}); a letter run sorts before a
 * number; letter runs compare bytewise ({@code B < a}); numbers have any length.
 *
 * <p>One deliberate difference: Gem::Version reads an empty or blank string as {@code 0}; here it is an error, because
 * a missing version must not match every advisory as version 0.
 */
public final class RubyGemsVersion implements VersionScheme {

    static final String NAME = "gem";

    // Gem::Version::ANCHORED_VERSION_PATTERN, without its optional-version group (blank is refused above)
    private static final Pattern PATTERN = Pattern.compile(
            "\\A\\s*([0-9]+(?>\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)\\s*\\z");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The canonical segments: digit strings without leading zeros and letter strings, trailing zeros dropped from the
     * release and the prerelease parts, as {@code Gem::Version#canonical_segments}.
     */
    public static List<String> canonicalSegments(String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidVersionException(NAME, String.valueOf(version), "version is empty");
        }
        Matcher m = PATTERN.matcher(version);
        if (!m.matches()) {
            throw new InvalidVersionException(NAME, version,
                    "malformed version number string (digits, then .segments, then an optional -prerelease)");
        }
        String normal = m.group(1).replace("-", ".pre.");
        List<String> segments = new ArrayList<>();
        Matcher s = SEGMENT.matcher(normal);
        while (s.find()) {
            String seg = s.group();
            segments.add(DigitStrings.isDigit(seg.charAt(0)) ? DigitStrings.stripLeadingZeros(seg) : seg);
        }
        int stringStart = 0;
        while (stringStart < segments.size() && isNumber(segments.get(stringStart))) {
            stringStart++;
        }
        List<String> canonical = new ArrayList<>(dropTrailingZeros(segments.subList(0, stringStart)));
        canonical.addAll(dropTrailingZeros(segments.subList(stringStart, segments.size())));
        return List.copyOf(canonical);
    }

    private static List<String> dropTrailingZeros(List<String> part) {
        int n = part.size();
        while (n > 0 && part.get(n - 1).equals("0")) {
            n--;
        }
        return part.subList(0, n);
    }

    private static boolean isNumber(String segment) {
        return DigitStrings.isDigit(segment.charAt(0));
    }

    @Override
    public int compare(String a, String b) {
        List<String> x = canonicalSegments(a);
        List<String> y = canonicalSegments(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String l = i < x.size() ? x.get(i) : "0";
            String r = i < y.size() ? y.get(i) : "0";
            if (l.equals(r)) {
                continue;
            }
            boolean ln = isNumber(l);
            boolean rn = isNumber(r);
            if (ln != rn) {
                return ln ? 1 : -1; // a letter segment sorts before a number
            }
            return ln ? DigitStrings.compare(l, r) : Integer.signum(l.compareTo(r));
        }
        return 0;
    }
}
