package dev.drydock.analyzer.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code yarn.lock}: Yarn 1's own indented format (hand-read: it is not YAML, no library reads it) and Yarn Berry's
 * (2+) YAML, recognised by its {@code __metadata} entry. Yarn records no dev flag. Berry's {@code workspace:} and
 * {@code link:} resolutions are the project's own code.
 */
public final class YarnLockAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper YAML = NpmPackages.YAML;

    @Override
    public String type() {
        return "yarn-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<PackageList> resultType() {
        return PackageList.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        return (path.equals("yarn.lock") || path.endsWith("/yarn.lock")) && !path.contains("node_modules/");
    }

    @Override
    public long maxFileSize() {
        return 64L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        String text = new String(input.content().readAllBytes(), StandardCharsets.UTF_8);
        if (text.contains("\n__metadata:") || text.startsWith("__metadata:")) {
            return berry(text, input.path());
        }
        return classic(text, input.path());
    }

    /**
     * Berry: the entries reachable from the workspaces through {@code dependencies}, leaving out entries for other
     * operating systems ({@code conditions: os=darwin}) and what only they pull in (the {@code node-gyp} Berry adds
     * to fsevents), so the result is what gets installed in a Linux container.
     */
    private static PackageList berry(String text, String path) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + path + ": not valid YAML: " + e.getMessage()));
        }
        List<String> diagnostics = new ArrayList<>();
        Map<String, JsonNode> byDescriptor = new HashMap<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata")) {
                continue;
            }
            for (String descriptor : e.getKey().split(",")) {
                byDescriptor.put(descriptor.strip(), e.getValue());
            }
            if (protocol(e.getValue().path("resolution").asText("")).startsWith("workspace:")) {
                todo.add(e.getValue());
            }
        }
        boolean all = todo.isEmpty(); // no workspace entry to start from: take every entry
        if (all) {
            todo.addAll(byDescriptor.values());
        }
        Map<String, Package> out = new LinkedHashMap<>();
        Set<JsonNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            JsonNode entry = todo.poll();
            if (!seen.add(entry) || !forLinux(entry.path("conditions").asText(""))) {
                continue; // "os=darwin & cpu=arm64": yarn installs it only there, so never in a container
            }
            String resolution = entry.path("resolution").asText("");
            int at = resolution.indexOf('@', 1);
            String protocol = protocol(resolution);
            for (Iterator<Map.Entry<String, JsonNode>> d = entry.path("dependencies").fields(); d.hasNext(); ) {
                Map.Entry<String, JsonNode> dep = d.next();
                String range = dep.getValue().asText("");
                JsonNode next = byDescriptor.get(dep.getKey() + "@" + (range.contains(":") ? range : "npm:" + range));
                if (next != null) {
                    todo.add(next);
                }
            }
            if (at < 0) {
                diagnostics.add("/" + path + ": an entry has no resolution");
                continue;
            }
            if (protocol.startsWith("workspace:") || protocol.startsWith("link:") || protocol.startsWith("portal:")) {
                continue;
            }
            String version = entry.path("version").asText("");
            if (version.isEmpty()) {
                diagnostics.add("/" + path + ": " + resolution + " has no version");
                continue;
            }
            String name = resolution.substring(0, at);
            out.putIfAbsent(name + "@" + version, NpmPackages.of(name, version, path, false,
                    NpmPackages.keys(entry.get("dependencies")), List.of()));
        }
        return new PackageList(List.copyOf(out.values()), diagnostics);
    }

    private static String protocol(String resolution) {
        int at = resolution.indexOf('@', 1);
        return at < 0 ? "" : resolution.substring(at + 1);
    }

    /** Berry's {@code conditions}: {@code os=linux & cpu=x64}, possibly with {@code |} alternatives. */
    static boolean forLinux(String conditions) {
        if (!conditions.contains("os=")) {
            return true;
        }
        for (String alternative : conditions.split("\\|")) {
            if (!alternative.contains("os=") || alternative.contains("os=linux")) {
                return true;
            }
        }
        return false;
    }

    /** Yarn 1: unindented descriptor lines ending in ':', then two-space-indented fields and dependency blocks. */
    static PackageList classic(String text, String path) throws IOException {
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        Set<String> deps = new LinkedHashSet<>();
        boolean inDeps = false;
        int lineNo = 0;
        String line;
        while (true) {
            line = r.readLine();
            lineNo++;
            boolean header = line != null && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#");
            if (line == null || header) {
                if (name != null) {
                    if (version == null) {
                        diagnostics.add("/" + path + ": " + name + " (before line " + lineNo + ") has no version");
                    } else {
                        out.add(NpmPackages.of(name, version, path, false, deps, List.of()));
                    }
                }
                if (line == null) {
                    break;
                }
                name = descriptorName(line);
                version = null;
                deps = new LinkedHashSet<>();
                inDeps = false;
                if (name == null) {
                    diagnostics.add("/" + path + ":" + lineNo + ": cannot read the entry '" + line + "'");
                }
                continue;
            }
            if (name == null || line.isBlank()) {
                continue;
            }
            if (line.startsWith("    ") && inDeps) {
                deps.add(unquote(line.strip().split("\\s+", 2)[0]));
            } else if (line.startsWith("  ") && !line.startsWith("   ")) {
                String field = line.strip();
                inDeps = field.equals("dependencies:") || field.equals("optionalDependencies:");
                if (field.startsWith("version ")) {
                    version = unquote(field.substring("version ".length()).strip());
                }
            }
        }
        return new PackageList(out, diagnostics);
    }

    /** {@code "@babel/core@^7.0.0", "@babel/core@^7.1.0":} gives {@code @babel/core}. */
    private static String descriptorName(String line) {
        if (!line.endsWith(":")) {
            return null;
        }
        String first = unquote(line.substring(0, line.length() - 1).split(",")[0].strip());
        int at = first.indexOf('@', 1);
        if (at <= 0) {
            return null;
        }
        String name = first.substring(0, at);
        String range = first.substring(at + 1);
        if (range.startsWith("npm:")) { // alias: "x@npm:real@^1"
            String real = range.substring(4);
            int at2 = real.indexOf('@', 1);
            if (at2 > 0) {
                return real.substring(0, at2);
            }
        }
        return name;
    }

    private static String unquote(String s) {
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
