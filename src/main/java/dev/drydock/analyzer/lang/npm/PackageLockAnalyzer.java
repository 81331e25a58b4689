package dev.drydock.analyzer.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code package-lock.json} (and {@code npm-shrinkwrap.json}), lockfile versions 1, 2 and 3
 * (https://docs.npmjs.com/cli/configuring-npm/package-lock-json). Versions 2 and 3 are read from {@code packages},
 * keyed by install path ({@code node_modules/a/node_modules/b}); version 1 from the nested {@code dependencies}.
 * Link entries and workspace directories are the project's own code, not packages; the hidden lockfile npm keeps in
 * {@code node_modules/.package-lock.json} is left to the node_modules analyzer.
 */
public final class PackageLockAnalyzer implements Analyzer<PackageList> {

    @Override
    public String type() {
        return "npm-package-lock";
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
        String name = path.substring(path.lastIndexOf('/') + 1);
        return (name.equals("package-lock.json") || name.equals("npm-shrinkwrap.json"))
                && !path.contains("node_modules/");
    }

    @Override
    public long maxFileSize() {
        return 64L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        JsonNode lock;
        try {
            lock = NpmPackages.JSON.readTree(input.content());
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not valid JSON: " + e.getMessage()));
        }
        if (lock == null || !lock.isObject()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not a JSON object"));
        }
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        if (lock.path("packages").isObject()) {
            packages(lock.get("packages"), input.path(), out, diagnostics);
        } else if (lock.path("dependencies").isObject()) {
            v1(lock.get("dependencies"), input.path(), out, diagnostics, 0);
        } else {
            diagnostics.add("/" + input.path() + ": neither 'packages' nor 'dependencies': not a package-lock.json");
        }
        return new PackageList(out, diagnostics);
    }

    private static void packages(JsonNode packages, String path, List<Package> out, List<String> diagnostics) {
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode p = e.getValue();
            String keyName = NpmPackages.nameFromPath(key);
            if (keyName == null || p.path("link").asBoolean(false)) {
                continue; // the root, a workspace directory, or a link to one
            }
            if (p.path("optional").asBoolean(false) && !forLinux(p.get("os"))) {
                continue; // e.g. fsevents: npm installs it only on macOS, so never in a container (npm ls agrees)
            }
            String name = p.path("name").asText(keyName); // an alias (npm:real@1) installs under another name
            String version = p.path("version").asText("");
            if (version.isEmpty()) {
                diagnostics.add("/" + path + ": " + key + " has no version");
                continue;
            }
            List<String> deps = new ArrayList<>(NpmPackages.keys(p.get("dependencies")));
            deps.addAll(NpmPackages.keys(p.get("optionalDependencies")));
            out.add(NpmPackages.of(name, version, path, p.path("dev").asBoolean(false), deps,
                    NpmPackages.licenses(p)));
        }
    }

    /** npm's {@code os} field: a list of allowed platforms, or of {@code !platform} exclusions. */
    static boolean forLinux(JsonNode os) {
        if (os == null || !os.isArray() || os.isEmpty()) {
            return true;
        }
        boolean anyAllowed = false;
        for (JsonNode o : os) {
            String s = o.asText();
            if (s.equals("linux")) {
                return true;
            }
            if (s.equals("!linux")) {
                return false;
            }
            anyAllowed |= !s.startsWith("!");
        }
        return !anyAllowed;
    }

    private static void v1(JsonNode deps, String path, List<Package> out, List<String> diagnostics, int depth) {
        if (depth > 256) {
            diagnostics.add("/" + path + ": dependencies nested deeper than 256 levels");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = e.getValue();
            String name = e.getKey();
            String version = d.path("version").asText("");
            if (version.startsWith("npm:")) { // alias: "npm:real-name@1.2.3"
                String spec = version.substring(4);
                int at = spec.lastIndexOf('@');
                if (at > 0) {
                    name = spec.substring(0, at);
                    version = spec.substring(at + 1);
                }
            }
            if (version.isEmpty()) {
                diagnostics.add("/" + path + ": " + name + " has no version");
            } else if (!version.startsWith("file:") && !version.startsWith("link:")) {
                out.add(NpmPackages.of(name, version, path, d.path("dev").asBoolean(false),
                        NpmPackages.keys(d.get("requires")), List.of()));
            }
            if (d.path("dependencies").isObject()) {
                v1(d.get("dependencies"), path, out, diagnostics, depth + 1);
            }
        }
    }
}
