package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.scan.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Findings the team has decided to accept, each with the reason and, usually, a date after which the decision must
 * be made again: drydock's {@code .drydockignore} (YAML, docs/policy.md, schema docs/schema/drydockignore.schema.json)
 * or, for migration, Trivy's {@code .trivyignore} (one id per line, {@code exp:yyyy-mm-dd}, {@code #} comments: the
 * comment lines just above an id become its reason).
 */
public final class Ignores {

    public static final Ignores NONE = new Ignores(List.of());

    private static final List<String> ENTRY_KEYS = List.of("id", "package", "path", "reason", "expires");

    private final List<Entry> entries;

    private Ignores(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Ignores of(List<Entry> entries) {
        return new Ignores(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Both files' entries. */
    public Ignores plus(Ignores more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new Ignores(all);
    }

    /**
     * One decision.
     *
     * @param id             a finding's id or any of its aliases ({@code CVE-2023-44487}, {@code GHSA-…}, {@code DI0001})
     * @param packageName    only for this package (its name or source package name), or null
     * @param packageVersion only for this installed version, or null
     * @param path           only where the finding's path (or target) matches this glob ({@code usr/lib/**}), or null
     * @param reason         why the finding is accepted
     * @param expires        the day it stops applying, or null for never
     * @param source         the file
     * @param line           its line there
     */
    public record Entry(String id, String packageName, String packageVersion, String path, String reason,
                        LocalDate expires, Path source, int line) {

        /** Expired on {@code today}: the ignore holds until the day before {@code expires} (Trivy's reading of {@code exp:}). */
        public boolean expired(LocalDate today) {
            return expires != null && !today.isBefore(expires);
        }

        public boolean matches(Finding f) {
            if (!id.equalsIgnoreCase(f.id()) && f.aliases().stream().noneMatch(id::equalsIgnoreCase)) {
                return false;
            }
            if (packageName != null) {
                Finding.Vulnerability v = f.vulnerability();
                if (v == null || !packageName.equals(v.packageName()) && !packageName.equals(v.sourceName())) {
                    return false;
                }
                if (packageVersion != null && !packageVersion.equals(v.installedVersion())) {
                    return false;
                }
            }
            if (path != null) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + strip(path));
                String where = f.location() == null ? null : f.location().path();
                return where != null && m.matches(Path.of(strip(where))) || f.target() != null && m.matches(Path.of(strip(f.target())));
            }
            return true;
        }

        /**
         * An exemption from a package rule ({@code id: forbidden-packages} or {@code deny-licenses}) for this package,
         * matched like a finding's package: name or source name, version, and the glob against the file it was found in.
         */
        public boolean exempts(String rule, dev.drydock.analyzer.Package p) {
            if (!id.equalsIgnoreCase(rule) || packageName != null && !packageName.equals(p.name()) && !packageName.equals(p.sourceName())) {
                return false;
            }
            if (packageVersion != null && !packageVersion.equals(p.version())) {
                return false;
            }
            return path == null || p.path() != null
                    && FileSystems.getDefault().getPathMatcher("glob:" + strip(path)).matches(Path.of(strip(p.path())));
        }

        /** {@code CVE-2023-44487 (nghttp2 1.52.0-1, usr/lib/**) in .drydockignore:4}. */
        public String describe() {
            List<String> scope = new ArrayList<>();
            if (packageName != null) {
                scope.add(packageName + (packageVersion == null ? "" : " " + packageVersion));
            }
            if (path != null) {
                scope.add(path);
            }
            return id + (scope.isEmpty() ? "" : " (" + String.join(", ", scope) + ")") + " in " + source.getFileName() + ":" + line;
        }

        private static String strip(String p) {
            String s = p.strip();
            while (s.startsWith("/") || s.startsWith("./")) {
                s = s.substring(s.startsWith("/") ? 1 : 2);
            }
            return s.isEmpty() ? "." : s;
        }
    }

    /**
     * The ignore file in force: the {@code --ignorefile} when given (it must exist), else {@code .drydockignore},
     * else {@code .trivyignore} in the working directory, else none.
     */
    public static Ignores load(Path explicit, Path workDir) {
        if (explicit != null) {
            return read(explicit);
        }
        if (workDir == null) {
            return NONE;
        }
        for (String name : List.of(".drydockignore", ".trivyignore")) {
            Path p = workDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return read(p);
            }
        }
        return NONE;
    }

    /**
     * Reads one file: Trivy's formats when its name says {@code trivyignore} ({@code .trivyignore.yaml} is Trivy's
     * YAML one), else drydock's YAML.
     */
    public static Ignores read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (name.contains("trivyignore")) {
            return yaml ? TrivyYamlIgnores.read(PolicyDocument.yaml(file)) : trivy(file);
        }
        return yaml(PolicyDocument.yaml(file));
    }

    static Ignores yaml(PolicyDocument doc) {
        if (doc.root.isArray()) {
            throw doc.error("", "the top level must be a mapping with an 'ignores:' list (a file of bare ids is Trivy's format:"
                    + " name it .trivyignore)");
        }
        JsonNode n = doc.object(doc.root, "");
        doc.knownKeys(n, "", List.of("ignores"));
        JsonNode list = n.get("ignores");
        List<Entry> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return new Ignores(out);
        }
        if (!list.isArray()) {
            throw doc.error("ignores", "must be a list of entries, not " + PolicyDocument.describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(entry(doc, list.get(i), "ignores[" + i + "]"));
        }
        return new Ignores(out);
    }

    private static Entry entry(PolicyDocument doc, JsonNode e, String path) {
        doc.object(e, path);
        doc.knownKeys(e, path, ENTRY_KEYS);
        if (!e.has("id")) {
            throw doc.error(path, "id is required (the finding's id or an alias, e.g. CVE-2023-44487)");
        }
        String id = doc.nonEmptyText(e.get("id"), path + ".id");
        if (!e.has("reason") || e.get("reason").isNull() || e.get("reason").asText().isBlank()) {
            throw doc.error(e.has("reason") ? path + ".reason" : path, "reason is required: say why " + id
                    + " is accepted, so that the next reader can judge whether it still holds");
        }
        String reason = doc.nonEmptyText(e.get("reason"), path + ".reason");
        String pkg = null;
        String version = null;
        JsonNode p = e.get("package");
        if (p != null && !p.isNull()) {
            if (p.isObject()) {
                doc.knownKeys(p, path + ".package", List.of("name", "version"));
                if (!p.has("name")) {
                    throw doc.error(path + ".package", "name is required");
                }
                pkg = doc.nonEmptyText(p.get("name"), path + ".package.name");
                version = p.has("version") ? doc.nonEmptyText(p.get("version"), path + ".package.version") : null;
            } else {
                pkg = doc.nonEmptyText(p, path + ".package");
            }
        }
        String glob = e.has("path") ? doc.nonEmptyText(e.get("path"), path + ".path") : null;
        if (glob != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException ex) {
                throw doc.error(path + ".path", "'" + glob + "' is not a glob: " + ex.getMessage());
            }
        }
        LocalDate expires = null;
        if (e.has("expires") && !e.get("expires").isNull()) {
            String d = doc.nonEmptyText(e.get("expires"), path + ".expires");
            expires = date(d).orElseThrow(() -> doc.error(path + ".expires", "'" + d + "' is not a date (write yyyy-mm-dd, e.g. 2027-01-31)"));
        }
        return new Entry(id, pkg, version, glob, reason, expires, doc.file, doc.line(path));
    }

    static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(LocalDate.parse(s.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Trivy's {@code .trivyignore}: https://trivy.dev/latest/docs/configuration/filtering/#trivyignore */
    static Ignores trivy(Path file) {
        String text = new String(PolicyDocument.bytes(file), StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        List<String> comments = new ArrayList<>(); // the comment block above a group of ids is their reason
        boolean afterId = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                comments.clear();
                afterId = false;
                continue;
            }
            if (line.startsWith("#")) {
                if (afterId) {
                    comments.clear();
                    afterId = false;
                }
                String c = line.substring(1).strip();
                if (!c.isEmpty()) {
                    comments.add(c);
                }
                continue;
            }
            String inline = null;
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                inline = line.substring(hash + 2).strip();
                line = line.substring(0, hash).strip();
            }
            String[] fields = line.split("\\s+");
            LocalDate expires = null;
            for (int f = 1; f < fields.length; f++) {
                if (fields[f].startsWith("exp:")) {
                    String d = fields[f].substring(4);
                    int lineNr = i + 1;
                    expires = date(d).orElseThrow(() -> new PolicyFileException(file, lineNr, lines[lineNr - 1].indexOf("exp:") + 1,
                            "'" + d + "' is not a date (write exp:yyyy-mm-dd, e.g. exp:2027-01-31)"));
                } else {
                    throw new PolicyFileException(file, i + 1, lines[i].indexOf(fields[f]) + 1, "unexpected '" + fields[f]
                            + "' after the id (a .trivyignore line is an id, optionally followed by exp:yyyy-mm-dd)");
                }
            }
            String why = String.join(" ", comments);
            if (inline != null && !inline.isEmpty()) {
                why = why.isEmpty() ? inline : why + "; " + inline;
            }
            String reason = why.isEmpty() ? "listed in " + file.getFileName() + " (no reason given)" : why;
            out.add(new Entry(fields[0], null, null, null, reason, expires, file, i + 1));
            afterId = true;
        }
        return new Ignores(out);
    }
}
