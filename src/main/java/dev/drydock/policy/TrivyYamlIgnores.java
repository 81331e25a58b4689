package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trivy's {@code .trivyignore.yaml} (https://trivy.dev/latest/docs/configuration/filtering/#trivyignoreyaml), read for
 * migration: sections {@code vulnerabilities}, {@code misconfigurations}, {@code secrets}, {@code licenses}, each a
 * list of {@code id}, {@code paths}, {@code purls}, {@code statement}, {@code expired_at}. An entry with several paths
 * or purls becomes one drydock entry per combination; a purl stands for its package name and version.
 */
final class TrivyYamlIgnores {

    private static final List<String> SECTIONS = List.of("vulnerabilities", "misconfigurations", "secrets", "licenses");
    private static final List<String> KEYS = List.of("id", "paths", "purls", "statement", "expired_at");

    private TrivyYamlIgnores() {
    }

    static Ignores read(PolicyDocument doc) {
        JsonNode root = doc.object(doc.root, "");
        doc.knownKeys(root, "", SECTIONS);
        List<Ignores.Entry> out = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode list = root.get(section);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw doc.error(section, "must be a list of entries, not " + PolicyDocument.describe(list));
            }
            for (int i = 0; i < list.size(); i++) {
                out.addAll(entries(doc, list.get(i), section + "[" + i + "]"));
            }
        }
        return Ignores.of(out);
    }

    private static List<Ignores.Entry> entries(PolicyDocument doc, JsonNode e, String path) {
        doc.object(e, path);
        doc.knownKeys(e, path, KEYS);
        if (!e.has("id")) {
            throw doc.error(path, "id is required");
        }
        String id = doc.nonEmptyText(e.get("id"), path + ".id");
        String reason = e.has("statement") ? doc.nonEmptyText(e.get("statement"), path + ".statement")
                : "listed in " + doc.file.getFileName() + " (no statement given)";
        LocalDate expires = null;
        if (e.has("expired_at")) {
            String d = doc.nonEmptyText(e.get("expired_at"), path + ".expired_at");
            expires = Ignores.date(d).orElseThrow(() -> doc.error(path + ".expired_at", "'" + d + "' is not a date (write yyyy-mm-dd)"));
        }
        List<String> paths = doc.strings(e.get("paths"), path + ".paths");
        List<String[]> packages = new ArrayList<>();
        List<String> purls = doc.strings(e.get("purls"), path + ".purls");
        for (int i = 0; i < purls.size(); i++) {
            try {
                PackageURL p = new PackageURL(purls.get(i));
                packages.add(new String[] {p.getName(), p.getVersion()});
            } catch (MalformedPackageURLException ex) {
                throw doc.error(path + ".purls[" + i + "]", "'" + purls.get(i) + "' is not a purl: " + ex.getMessage());
            }
        }
        List<String> ps = paths.isEmpty() ? Arrays.asList((String) null) : paths;
        List<String[]> pk = packages.isEmpty() ? List.<String[]>of(new String[] {null, null}) : packages;
        List<Ignores.Entry> out = new ArrayList<>();
        for (String p : ps) {
            for (String[] k : pk) {
                out.add(new Ignores.Entry(id, k[0], k[1], p, reason, expires, doc.file, doc.line(path)));
            }
        }
        return out;
    }
}
