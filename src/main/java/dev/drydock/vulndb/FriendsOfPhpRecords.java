package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one FriendsOfPHP security-advisories file ({@code <vendor>/<package>/<name>.yaml},
 * https://github.com/FriendsOfPHP/security-advisories) into an {@link Advisory} for ecosystem {@code Packagist}.
 * Each {@code branches.<b>.versions} list ({@code ['>=5.4.0', '<5.4.53']}: Composer constraints that must all hold)
 * is one affected interval and becomes one OSV {@code ECOSYSTEM} range; no ordering is needed. A lower bound
 * {@code > v} cannot be said in OSV: it becomes {@code introduced: v} (v itself reported, never a miss) and is
 * counted as approximated.
 *
 * <p>The feed has no ids: the id is {@code FRIENDSOFPHP-<vendor>/<package>/<file name>} (unique, stable across
 * imports); the CVE, when there is one, is an alias.
 */
final class FriendsOfPhpRecords {

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(>=|<=|>|<|==|=)?\\s*v?([0-9][^\\s,]*)\\s*");

    private FriendsOfPhpRecords() {
    }

    static boolean looksLikeFriendsOfPhp(JsonNode n) {
        return n.isObject() && n.has("branches") && n.has("reference");
    }

    record Converted(Advisory advisory, int approximatedRanges) {
    }

    /** @param path the file's path inside the feed, used for the id ({@code symfony/http-kernel/CVE-2019-18887.yaml}) */
    static Converted convert(JsonNode n, String path) throws RubySecRecords.UnsupportedException {
        String ref = OsvRecords.text(n, "reference");
        if (ref == null || !ref.startsWith("composer://") || ref.length() <= "composer://".length()) {
            throw new RubySecRecords.UnsupportedException("reference '" + ref + "' is not composer://vendor/package");
        }
        String name = ref.substring("composer://".length()).strip();
        List<Advisory.Range> ranges = new ArrayList<>();
        int approximated = 0;
        Instant published = null;
        JsonNode branches = n.get("branches");
        if (branches == null || !branches.isObject()) {
            throw new RubySecRecords.UnsupportedException("no branches");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = branches.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            String introduced = "0";
            String fixed = null;
            String lastAffected = null;
            boolean approx = false;
            for (String c : constraints(b.getValue().get("versions"))) {
                Matcher m = CONSTRAINT.matcher(c);
                if (!m.matches()) {
                    throw new RubySecRecords.UnsupportedException("branch " + b.getKey() + ": unreadable constraint '" + c + "'");
                }
                String op = m.group(1) == null ? "=" : m.group(1);
                String v = m.group(2);
                switch (op) {
                    case ">=" -> introduced = v;
                    case ">" -> { introduced = v; approx = true; }
                    case "<" -> fixed = v;
                    case "<=" -> lastAffected = v;
                    default -> { introduced = v; lastAffected = v; }
                }
            }
            List<Advisory.Event> events = new ArrayList<>();
            events.add(new Advisory.Event(introduced, null, null, null));
            if (fixed != null) {
                events.add(new Advisory.Event(null, fixed, null, null));
            } else if (lastAffected != null) {
                events.add(new Advisory.Event(null, null, lastAffected, null));
            }
            ranges.add(new Advisory.Range("ECOSYSTEM", null, events));
            approximated += approx ? 1 : 0;
            Instant t = time(OsvRecords.text(b.getValue(), "time"));
            if (t != null && (published == null || t.isBefore(published))) {
                published = t;
            }
        }
        String stem = path.replaceFirst("\\.ya?ml$", "");
        List<String> aliases = new ArrayList<>();
        for (String cve : OsvRecords.strings(n.get("cve"))) {
            if (!cve.isBlank() && !aliases.contains(cve.strip())) {
                aliases.add(cve.strip());
            }
        }
        List<String> refs = OsvRecords.text(n, "link") == null ? List.of() : List.of(OsvRecords.text(n, "link"));
        Advisory.Affected affected = new Advisory.Affected("Packagist", name, "pkg:composer/" + name, ranges, List.of(), List.of(), null, null);
        Advisory a = new Advisory("FRIENDSOFPHP-" + stem, aliases, OsvRecords.text(n, "title"), null, published, null, null,
                List.of(), null, List.of(affected), refs, "friendsofphp", false);
        return new Converted(a, approximated);
    }

    private static List<String> constraints(JsonNode versions) {
        List<String> out = new ArrayList<>();
        for (String s : OsvRecords.strings(versions)) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static Instant time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return OsvRecords.instant(s);
        }
    }
}
