package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OpenVEX JSON (https://github.com/openvex/spec, v0.2.0; the v0.0.x shape, with a string {@code vulnerability} and
 * string {@code products}, is read too). Required parts and enumerations are checked, each error naming its line;
 * keys drydock does not use are left alone, since vendors add their own.
 */
final class OpenVexReader {

    private OpenVexReader() {
    }

    static Vex read(PolicyDocument doc) {
        JsonNode root = doc.root;
        String context = root.path("@context").asText("");
        if (!context.startsWith("https://openvex.dev/ns")) {
            throw doc.error(root.has("@context") ? "@context" : "", "not an OpenVEX document: @context must be"
                    + " https://openvex.dev/ns/v0.2.0 (was " + (root.has("@context") ? "'" + context + "'" : "missing") + ")");
        }
        Instant docTime = root.has("timestamp") ? time(doc, root.get("timestamp"), "timestamp") : null;
        JsonNode list = root.get("statements");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw doc.error(list == null ? "" : "statements", "an OpenVEX document needs a non-empty statements list");
        }
        List<Vex.Statement> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(statement(doc, list.get(i), "statements[" + i + "]", docTime, warnings));
        }
        return new Vex(doc.file, "openvex", docTime, out, warnings);
    }

    private static Vex.Statement statement(PolicyDocument doc, JsonNode s, String path, Instant docTime, List<String> warnings) {
        doc.object(s, path);
        JsonNode v = s.get("vulnerability");
        if (v == null || v.isNull()) {
            throw doc.error(path, "vulnerability is required");
        }
        String name;
        List<String> aliases = new ArrayList<>();
        if (v.isTextual()) {
            name = doc.nonEmptyText(v, path + ".vulnerability");
        } else {
            doc.object(v, path + ".vulnerability");
            if (!v.has("name")) {
                throw doc.error(path + ".vulnerability", "name is required (e.g. CVE-2023-44487)");
            }
            name = doc.nonEmptyText(v.get("name"), path + ".vulnerability.name");
            aliases.addAll(doc.strings(v.get("aliases"), path + ".vulnerability.aliases"));
            if (v.has("@id")) {
                aliases.add(doc.nonEmptyText(v.get("@id"), path + ".vulnerability.@id"));
            }
        }
        if (!s.has("status")) {
            throw doc.error(path, "status is required (not_affected, affected, fixed or under_investigation)");
        }
        String st = doc.nonEmptyText(s.get("status"), path + ".status");
        VexStatus status = VexStatus.ofOpenVex(st);
        if (status == null) {
            List<String> all = Arrays.stream(VexStatus.values()).map(VexStatus::openVex).toList();
            throw doc.error(path + ".status", "unknown status '" + st + "'" + Suggestions.didYouMean(st, all)
                    + " (expected " + String.join(", ", all) + ")");
        }
        VexJustification just = null;
        if (s.has("justification")) {
            String j = doc.nonEmptyText(s.get("justification"), path + ".justification");
            just = VexJustification.ofOpenVex(j);
            if (just == null) {
                List<String> all = Arrays.stream(VexJustification.values()).map(VexJustification::openVex).toList();
                throw doc.error(path + ".justification", "unknown justification '" + j + "'" + Suggestions.didYouMean(j, all)
                        + " (expected " + String.join(", ", all) + ")");
            }
        }
        String impact = s.has("impact_statement") ? doc.text(s.get("impact_statement"), path + ".impact_statement") : null;
        if (status == VexStatus.NOT_AFFECTED && just == null && (impact == null || impact.isBlank())) {
            throw doc.error(path, "a not_affected statement needs a justification or an impact_statement"
                    + " (OpenVEX spec: status justifications); without one it suppresses nothing");
        }
        String action = s.has("action_statement") ? doc.text(s.get("action_statement"), path + ".action_statement") : null;
        Instant time = s.has("last_updated") ? time(doc, s.get("last_updated"), path + ".last_updated")
                : s.has("timestamp") ? time(doc, s.get("timestamp"), path + ".timestamp") : docTime;
        List<String> shared = ids(doc, s.get("subcomponents"), path + ".subcomponents"); // v0.0.x
        List<Vex.Product> products = new ArrayList<>();
        JsonNode ps = s.get("products");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) {
                throw doc.error(path + ".products", "must be a list");
            }
            for (int i = 0; i < ps.size(); i++) {
                String pp = path + ".products[" + i + "]";
                JsonNode p = ps.get(i);
                if (p.isTextual()) {
                    products.add(new Vex.Product(p.asText(), shared, null));
                    continue;
                }
                doc.object(p, pp);
                String id = component(doc, p, pp);
                List<String> subs = new ArrayList<>(shared);
                JsonNode sc = p.get("subcomponents");
                if (sc != null && sc.isArray()) {
                    for (int k = 0; k < sc.size(); k++) {
                        JsonNode c = sc.get(k);
                        subs.add(c.isTextual() ? c.asText() : component(doc, doc.object(c, pp + ".subcomponents[" + k + "]"),
                                pp + ".subcomponents[" + k + "]"));
                    }
                }
                products.add(new Vex.Product(id, subs, null));
            }
        }
        if (products.isEmpty()) {
            warnings.add(doc.file + ":" + doc.line(path) + ": the statement on " + name + " names no product; it applies to nothing");
        }
        return new Vex.Statement(name, aliases, products, status, just, impact, action, time, doc.line(path));
    }

    /** A component's identity: its purl when it has one (what drydock matches on), else its {@code @id}. */
    private static String component(PolicyDocument doc, JsonNode c, String path) {
        JsonNode purl = c.path("identifiers").path("purl");
        if (purl.isTextual() && !purl.asText().isBlank()) {
            return purl.asText();
        }
        if (c.has("@id")) {
            return doc.nonEmptyText(c.get("@id"), path + ".@id");
        }
        throw doc.error(path, "a component needs an @id or identifiers.purl");
    }

    private static List<String> ids(PolicyDocument doc, JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw doc.error(path, "must be a list");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            out.add(c.isTextual() ? c.asText() : component(doc, doc.object(c, path + "[" + i + "]"), path + "[" + i + "]"));
        }
        return out;
    }

    static Instant time(PolicyDocument doc, JsonNode n, String path) {
        String t = doc.nonEmptyText(n, path);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw doc.error(path, "'" + t + "' is not an RFC 3339 time (e.g. 2026-11-23T10:00:00Z)");
        }
    }
}
