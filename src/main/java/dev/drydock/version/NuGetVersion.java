package dev.drydock.version;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * NuGet's version order: a port of NuGet.Versioning's {@code NuGetVersion.TryParse} and
 * {@code VersionComparer.Default} (github.com/NuGet/NuGet.Client, src/NuGet.Core/NuGet.Versioning). Up to four
 * numbers ({@code 1}, {@code 1.2}, {@code 1.2.3}, {@code 1.2.3.4}; missing ones are 0, leading zeros and whitespace
 * around each number allowed, at most {@code int.MaxValue}), then {@code -LABEL.LABEL} and {@code +METADATA}. Labels compare
 * left to right: labels that {@code int.TryParse} reads (so {@code -1} too) numerically and before the others, the
 * others ordinally ignoring case; a release is above its pre-releases; metadata is ignored. Surrounding whitespace is
 * trimmed as .NET's {@code String.Trim()} does.
 *
 * <p>Hand-written because NuGet matches depend on it; there is no .NET on the build machines, so the test scope checks it
 * against the rows of NuGet.Client's own VersionComparerTests, NuGetVersionTest and VersionParsingTests. As NuGet
 * does, numbers above {@code int.MaxValue} are invalid.
 */
public final class NuGetVersion implements VersionScheme {

    public static final NuGetVersion INSTANCE = new NuGetVersion();

    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final Pattern INT_LABEL = Pattern.compile("-?[0-9]+");

    private NuGetVersion() {
    }

    @Override
    public String name() {
        return "nuget";
    }

    /** A parsed version: the four numbers, the release labels (empty: a release). */
    record Parsed(long[] numbers, String[] labels) {
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        for (int i = 0; i < 4; i++) {
            int c = Long.compare(x.numbers[i], y.numbers[i]);
            if (c != 0) {
                return c;
            }
        }
        if (x.labels.length == 0 || y.labels.length == 0) {
            return Boolean.compare(x.labels.length == 0, y.labels.length == 0);
        }
        for (int i = 0; i < Math.max(x.labels.length, y.labels.length); i++) {
            if (i >= x.labels.length || i >= y.labels.length) {
                return i >= x.labels.length ? -1 : 1;
            }
            int c = compareLabel(x.labels[i], y.labels[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code CompareRelease}: int.TryParse-able labels numerically and first, the rest OrdinalIgnoreCase. */
    private static int compareLabel(String a, String b) {
        Long x = intValue(a);
        Long y = intValue(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return Integer.signum(a.toUpperCase(Locale.ROOT).compareTo(b.toUpperCase(Locale.ROOT)));
    }

    /** {@code int.TryParse} on a label (labels hold only [0-9A-Za-z-]): an optional minus, digits, in int range. */
    private static Long intValue(String label) {
        if (!INT_LABEL.matcher(label).matches()) {
            return null;
        }
        String digits = label.startsWith("-") ? label.substring(1) : label;
        String stripped = digits.replaceFirst("^0+(?=.)", "");
        if (stripped.length() > 10) {
            return null;
        }
        long v = Long.parseLong(stripped) * (label.startsWith("-") ? -1 : 1);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v;
    }

    static Parsed parse(String original) {
        VersionInput.check("nuget", original);
        String value = dotNetTrim(original);
        String versionString = null;
        String[] labels = null;
        String metadata = null;
        // SemanticVersion.ParseSections, keeping its handling of a trailing '-' or '+' (it stays in the section)
        int dashPos = -1;
        int plusPos = -1;
        for (int i = 0; i < value.length(); i++) {
            boolean end = i == value.length() - 1;
            char c = value.charAt(i);
            if (dashPos < 0) {
                if (end || c == '-' || c == '+') {
                    versionString = value.substring(0, i + (end ? 1 : 0));
                    dashPos = i;
                    if (c == '+') {
                        plusPos = i;
                    }
                }
            } else if (plusPos < 0) {
                if (end || c == '+') {
                    labels = value.substring(dashPos + 1, i + (end ? 1 : 0)).split("\\.", -1);
                    plusPos = i;
                }
            } else if (end) {
                metadata = value.substring(plusPos + 1, i + 1);
            }
        }
        if (versionString == null || versionString.isEmpty()) {
            throw new InvalidVersionException("nuget", original, "empty");
        }
        long[] numbers = numbers(original, versionString);
        if (labels != null) {
            for (String label : labels) {
                if (!validPart(label, false)) {
                    throw new InvalidVersionException("nuget", original, "bad release label '" + label
                            + "' (non-empty [0-9A-Za-z-], no leading zeros in a number)");
                }
            }
        }
        if (metadata != null) {
            for (String part : metadata.split("\\.", -1)) {
                if (!validPart(part, true)) {
                    throw new InvalidVersionException("nuget", original, "bad build metadata '" + metadata + "'");
                }
            }
        }
        return new Parsed(numbers, labels == null ? new String[0] : labels);
    }

    /**
     * {@code TryGetNormalizedVersion}: up to four sections by {@code ParseSection} (whitespace around a number allowed,
     * no empty sections, no trailing '.', each number at most {@code int.MaxValue}); the fourth must end the string.
     */
    private static long[] numbers(String original, String s) {
        if (s.chars().allMatch(c -> isDotNetWhiteSpace((char) c))) {
            throw new InvalidVersionException("nuget", original, "no version number");
        }
        long[] n = new long[4];
        int[] pos = {0};
        for (int i = 0; i < 4; i++) {
            n[i] = section(original, s, pos);
        }
        if (pos[0] != s.length()) {
            throw new InvalidVersionException("nuget", original, "more than four numbers");
        }
        return n;
    }

    private static long section(String original, String s, int[] pos) {
        int end = pos[0];
        if (end == s.length()) {
            return 0;
        }
        while (end < s.length() && isDotNetWhiteSpace(s.charAt(end))) {
            end++;
        }
        if (end < s.length() && !isDigit(s.charAt(end))) {
            throw bad(original, "expected a number at '" + s.substring(end) + "'");
        }
        boolean done = false;
        boolean digitFound = false;
        long value = 0;
        for (; end < s.length(); end++) {
            char c = s.charAt(end);
            if (isDigit(c)) {
                digitFound = true;
                value = value * 10 + (c - '0');
                if (value > INT_MAX) {
                    throw bad(original, "a number above int.MaxValue (2147483647), NuGet's largest");
                }
            } else if (c == '.') {
                end++;
                if (end == s.length()) {
                    throw bad(original, "ends with '.'");
                }
                done = true;
                break;
            } else if (isDotNetWhiteSpace(c)) {
                break;
            } else {
                throw bad(original, "'" + c + "' in a version number");
            }
        }
        if (!digitFound) {
            throw bad(original, "an empty version number");
        }
        if (end == s.length()) {
            done = true;
        }
        if (!done) {
            for (; end < s.length(); end++) {
                char c = s.charAt(end);
                if (!isDotNetWhiteSpace(c)) {
                    if (c == '.') {
                        end++;
                        if (end == s.length()) {
                            throw bad(original, "ends with '.'");
                        }
                        break;
                    }
                    throw bad(original, "'" + c + "' after a version number");
                }
            }
        }
        pos[0] = end;
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidVersionException bad(String original, String reason) {
        return new InvalidVersionException("nuget", original, reason
                + " (expected up to four numbers, then -PRERELEASE.LABELS and +METADATA)");
    }

    /** .NET's {@code Char.IsWhiteSpace}, which {@code String.Trim()} uses. */
    private static boolean isDotNetWhiteSpace(char c) {
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x09 && c <= 0x0D) || c == 0x85;
    }

    private static String dotNetTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isDotNetWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isDotNetWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code SemanticVersion.IsValidPart}. */
    private static boolean validPart(String s, boolean allowLeadingZeros) {
        if (s.isEmpty()) {
            return false;
        }
        if (!allowLeadingZeros && s.length() > 1 && s.charAt(0) == '0' && SemVer.isNumeric(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The normalised form NuGet prints ({@code 1.0} is {@code 1.0.0}; a fourth number only when not 0). */
    public static String normalized(String version) {
        Parsed p = parse(version);
        String s = p.numbers[0] + "." + p.numbers[1] + "." + p.numbers[2] + (p.numbers[3] > 0 ? "." + p.numbers[3] : "");
        return p.labels.length == 0 ? s : s + "-" + String.join(".", Arrays.asList(p.labels));
    }
}
