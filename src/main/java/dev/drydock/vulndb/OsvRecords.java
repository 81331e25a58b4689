package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one OSV record (https://ossf.github.io/osv-schema/, JSON or YAML already parsed to a tree) into an
 * {@link Advisory}. Names are stored the way the matcher looks them up: PyPI names normalised as PEP 503 says.
 */
final class OsvRecords {

    /** Red Hat's ratings, as AlmaLinux/Rocky/Red Hat put them in front of the summary ({@code Important: openssl security update}). */
    private static final Pattern RATING_PREFIX = Pattern.compile("^(Critical|Important|Moderate|Low):\\s");
    private static final Pattern PEP503 = Pattern.compile("[-_.]+");

    private OsvRecords() {
    }

    /** Whether a parsed JSON/YAML document looks like an OSV record rather than some other JSON file. */
    static boolean looksLikeOsv(JsonNode n) {
        return n.isObject() && (n.has("affected") || n.has("modified") || n.has("withdrawn") || n.has("schema_version")
                || n.has("aliases")) && !n.has("vulnStatus");
    }

    /**
     * @param feed the {@link Advisory#source()} to record, or {@code null} to derive {@code osv:<Ecosystem>} from the
     *             first affected package
     * @throws IllegalArgumentException when the record has no id (the message says so)
     */
    static Advisory toAdvisory(JsonNode n, String feed) {
        String id = text(n, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("record has no \"id\"");
        }
        List<String> aliases = new ArrayList<>(strings(n.get("aliases")));
        for (String up : strings(n.get("upstream"))) {
            if (!aliases.contains(up)) {
                aliases.add(up);
            }
        }
        String summary = text(n, "summary");
        List<Advisory.Affected> affected = new ArrayList<>();
        for (JsonNode a : iter(n.get("affected"))) {
            Advisory.Affected x = affected(a);
            if (x != null) {
                affected.add(x);
            }
        }
        String sourceSeverity = text(n.path("database_specific"), "severity");
        if (sourceSeverity == null && summary != null) {
            Matcher m = RATING_PREFIX.matcher(summary);
            if (m.find()) {
                sourceSeverity = m.group(1);
            }
        }
        if (feed == null) {
            feed = affected.isEmpty() ? "osv" : "osv:" + baseEcosystem(affected.get(0).ecosystem());
        }
        return new Advisory(id.strip(), aliases, summary, text(n, "details"), instant(text(n, "published")),
                instant(text(n, "modified")), instant(text(n, "withdrawn")), severities(n.get("severity")), sourceSeverity,
                affected, references(n.get("references")), feed, false);
    }

    /** OSV's {@code related} ids (AlmaLinux puts its CVE ids there, not in {@code aliases}); indexed, not in the record. */
    static List<String> related(JsonNode n) {
        return strings(n.get("related"));
    }

    private static Advisory.Affected affected(JsonNode a) {
        JsonNode pkg = a.path("package");
        String eco = text(pkg, "ecosystem");
        String name = text(pkg, "name");
        if (eco == null || name == null) {
            return null; // OSV allows affected entries without a package (GIT-only); nothing to look up by
        }
        List<Advisory.Range> ranges = new ArrayList<>();
        for (JsonNode r : iter(a.get("ranges"))) {
            List<Advisory.Event> events = new ArrayList<>();
            for (JsonNode e : iter(r.get("events"))) {
                events.add(new Advisory.Event(text(e, "introduced"), text(e, "fixed"), text(e, "last_affected"), text(e, "limit")));
            }
            ranges.add(new Advisory.Range(text(r, "type"), text(r, "repo"), events));
        }
        String sev = firstText(a.path("ecosystem_specific"), "severity", "urgency", "ubuntu_priority");
        if (sev == null) {
            sev = firstText(a.path("database_specific"), "severity", "urgency");
        }
        String status = firstText(a.path("ecosystem_specific"), "status");
        return new Advisory.Affected(eco, normaliseName(eco, name), text(pkg, "purl"), ranges, strings(a.get("versions")),
                severities(a.get("severity")), sev, status);
    }

    /** PyPI names as PEP 503 normalises them ({@code Django_REST.framework} → {@code django-rest-framework}); others unchanged. */
    static String normaliseName(String ecosystem, String name) {
        if ("PyPI".equalsIgnoreCase(baseEcosystem(ecosystem))) {
            return PEP503.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
        }
        return name;
    }

    static String baseEcosystem(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    private static List<Advisory.Severity> severities(JsonNode n) {
        List<Advisory.Severity> out = new ArrayList<>();
        for (JsonNode s : iter(n)) {
            String type = text(s, "type");
            String score = text(s, "score");
            if (type != null && score != null) {
                out.add(new Advisory.Severity(type, score));
            }
        }
        return out;
    }

    private static List<String> references(JsonNode n) {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (JsonNode r : iter(n)) {
            String url = text(r, "url");
            if (url != null) {
                ("ADVISORY".equals(text(r, "type")) ? first : rest).add(url);
            }
        }
        first.addAll(rest);
        return first;
    }

    /** OSV timestamps are RFC 3339; one that does not parse is dropped rather than failing the record. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            String v = text(n, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isValueNode() && !n.isNull()) {
            out.add(n.asText());
        }
        for (JsonNode v : iter(n)) {
            if (v.isValueNode() && !v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    static Iterable<JsonNode> iter(JsonNode n) {
        return n != null && n.isArray() ? n : List.of();
    }
}
