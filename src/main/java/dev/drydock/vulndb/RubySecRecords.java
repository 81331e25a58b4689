package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.vulndb.SafeIntervals.Cut;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one ruby-advisory-db file ({@code gems/<gem>/<id>.yml}, https://github.com/rubysec/ruby-advisory-db) into
 * an {@link Advisory} for ecosystem {@code RubyGems}.
 *
 * <p>Its {@code patched_versions} and {@code unaffected_versions} are RubyGems requirement strings
 * ({@code "~> 1.15.6"}, {@code ">= 1.16.2"}, {@code ">= 5.2.4, < 5.3"}): a version is vulnerable when it satisfies
 * none of them (bundler-audit's rule). They are converted on import to OSV {@code ECOSYSTEM} ranges of the
 * affected versions, so the matcher needs nothing RubySec-specific; see {@link SafeIntervals} for how, and
 * docs/vulndb.md. {@code ~> X.Y.Z} is {@code >= X.Y.Z} and below the first pre-release of the bumped version
 * ({@code < X.(Y+1).A}), which is exactly RubyGems' {@code v.release < bump}.
 */
final class RubySecRecords {

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(~>|>=|<=|!=|=|>|<)?\\s*(\\S+)\\s*");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private RubySecRecords() {
    }

    static boolean looksLikeRubySec(JsonNode n) {
        return n.isObject() && (n.has("gem") || n.has("engine")) && n.has("url") && !n.has("id");
    }

    /** Thrown for an advisory whose requirement strings cannot be converted; the message says which. */
    static final class UnsupportedException extends Exception {
        UnsupportedException(String message) {
            super(message);
        }
    }

    /** The converted record, and how many of its ranges start one version early (see {@link SafeIntervals}). */
    record Converted(Advisory advisory, int approximatedRanges) {
    }

    /**
     * @param stem     the file name without {@code .yml} (ruby-advisory-db's id for the advisory: {@code CVE-2023-50725},
     *                 {@code GHSA-…}, {@code OSVDB-…})
     * @param versions RubyGems' version ordering, used to sort the bounds
     */
    static Converted convert(JsonNode n, String stem, Comparator<String> versions) throws UnsupportedException {
        String gem = OsvRecords.text(n, "gem");
        if (gem == null || gem.isBlank()) {
            throw new UnsupportedException("advisory of a Ruby interpreter (" + OsvRecords.text(n, "engine")
                    + "), not a gem: OSV has no ecosystem for Ruby engines");
        }
        SafeIntervals safe = new SafeIntervals(versions);
        try {
            for (String req : OsvRecords.strings(n.get("patched_versions"))) {
                addRequirement(safe, req, versions);
            }
            for (String req : OsvRecords.strings(n.get("unaffected_versions"))) {
                addRequirement(safe, req, versions);
            }
            List<Advisory.Range> ranges = safe.affectedRanges();
            List<String> aliases = new ArrayList<>();
            addId(aliases, "CVE-", OsvRecords.text(n, "cve"), stem);
            addId(aliases, "GHSA-", OsvRecords.text(n, "ghsa"), stem);
            addId(aliases, "OSVDB-", OsvRecords.text(n, "osvdb"), stem);
            List<String> refs = new ArrayList<>();
            if (OsvRecords.text(n, "url") != null) {
                refs.add(OsvRecords.text(n, "url"));
            }
            for (String u : OsvRecords.strings(n.path("related").get("url"))) {
                if (!refs.contains(u)) {
                    refs.add(u);
                }
            }
            Advisory.Affected affected = new Advisory.Affected("RubyGems", gem, "pkg:gem/" + gem, ranges, List.of(), List.of(), null, null);
            Advisory a = new Advisory(stem, aliases, OsvRecords.text(n, "title"), OsvRecords.text(n, "description"),
                    date(OsvRecords.text(n, "date")), null, null, List.of(), criticality(n), List.of(affected), refs, "rubysec", false);
            return new Converted(a, safe.approximated());
        } catch (IllegalArgumentException e) { // InvalidVersionException from the scheme, or a bad requirement
            throw new UnsupportedException(e.getMessage());
        }
    }

    /** One requirement string: constraints separated by commas, all of which must hold (one safe interval). */
    private static void addRequirement(SafeIntervals safe, String requirement, Comparator<String> versions) {
        Cut from = Cut.MIN;
        Cut to = Cut.MAX;
        for (String part : requirement.split(",")) {
            Matcher m = CONSTRAINT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("unreadable requirement '" + requirement + "'");
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            String v = m.group(2);
            versions.compare(v, v); // validates: an invalid version is a typed error, not a silent guess
            Cut lo;
            Cut hi;
            switch (op) {
                case ">=" -> { lo = new Cut(v, false); hi = Cut.MAX; }
                case ">" -> { lo = new Cut(v, true); hi = Cut.MAX; }
                case "<" -> { lo = Cut.MIN; hi = new Cut(v, false); }
                case "<=" -> { lo = Cut.MIN; hi = new Cut(v, true); }
                case "=" -> { lo = new Cut(v, false); hi = new Cut(v, true); }
                case "~>" -> { lo = new Cut(v, false); hi = new Cut(bump(v) + ".A", false); }
                default -> throw new IllegalArgumentException("requirement operator '" + op + "' in '" + requirement
                        + "' cannot be expressed as OSV ranges");
            }
            from = max(from, lo, versions);
            to = min(to, hi, versions);
        }
        safe.addSafe(from, to);
    }

    /**
     * RubyGems' {@code Gem::Version#bump}: drop trailing pre-release parts, drop the last segment (unless it is the
     * only one) and increment the new last one ({@code 1.15.6} → {@code 1.16}, {@code 2} → {@code 3}).
     */
    static String bump(String version) {
        List<String> segs = new ArrayList<>();
        Matcher m = SEGMENT.matcher(version.replace("-", ".pre."));
        while (m.find()) {
            segs.add(m.group());
        }
        int firstString = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (!Character.isDigit(segs.get(i).charAt(0))) {
                firstString = i;
                break;
            }
        }
        if (firstString >= 0) {
            segs = new ArrayList<>(segs.subList(0, firstString));
        }
        if (segs.size() > 1) {
            segs.remove(segs.size() - 1);
        }
        if (segs.isEmpty()) {
            throw new IllegalArgumentException("cannot bump version '" + version + "' for ~>");
        }
        int last = segs.size() - 1;
        segs.set(last, new java.math.BigInteger(segs.get(last)).add(java.math.BigInteger.ONE).toString());
        return String.join(".", segs);
    }

    private static Cut max(Cut a, Cut b, Comparator<String> v) {
        return cmp(a, b, v) >= 0 ? a : b;
    }

    private static Cut min(Cut a, Cut b, Comparator<String> v) {
        return cmp(a, b, v) <= 0 ? a : b;
    }

    private static int cmp(Cut a, Cut b, Comparator<String> v) {
        return SafeIntervals.compare(a, b, v);
    }

    private static void addId(List<String> out, String prefix, String value, String stem) {
        if (value == null || value.isBlank()) {
            return;
        }
        String id = value.startsWith(prefix) ? value : prefix + value;
        if (!id.equals(stem) && !out.contains(id)) {
            out.add(id);
        }
    }

    /** bundler-audit's criticality: from {@code cvss_v3} (none/low/medium/high/critical), else {@code cvss_v2}. */
    static String criticality(JsonNode n) {
        Double v3 = number(OsvRecords.text(n, "cvss_v3"));
        if (v3 != null) {
            return v3 == 0 ? "none" : v3 < 4 ? "low" : v3 < 7 ? "medium" : v3 < 9 ? "high" : "critical";
        }
        Double v2 = number(OsvRecords.text(n, "cvss_v2"));
        if (v2 != null) {
            return v2 < 4 ? "low" : v2 < 7 ? "medium" : "high";
        }
        return null;
    }

    private static Double number(String s) {
        try {
            return s == null ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static java.time.Instant date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return OsvRecords.instant(s);
        }
    }
}
