package dev.drydock.analyzer.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code pnpm-lock.yaml}, lockfile versions 5 ({@code /name/1.0.0_peer@2}), 6 ({@code /name@1.0.0(peer@2)}) and 9
 * ({@code name@1.0.0}, with {@code dev} no longer recorded per package).
 */
public final class PnpmLockAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper YAML = NpmPackages.YAML;

    @Override
    public String type() {
        return "pnpm-lock";
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
        return (path.equals("pnpm-lock.yaml") || path.endsWith("/pnpm-lock.yaml")) && !path.contains("node_modules/");
    }

    @Override
    public long maxFileSize() {
        return 64L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(input.content());
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not valid YAML: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not a pnpm lockfile"));
        }
        double lockVersion = parseVersion(root.path("lockfileVersion").asText("0"));
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        JsonNode packages = root.path("packages");
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] nv = nameVersion(e.getKey(), lockVersion);
            JsonNode p = e.getValue();
            String name = p.path("name").asText(nv == null ? "" : nv[0]);
            String version = p.path("version").asText(nv == null ? "" : nv[1]);
            if (name.isEmpty() || version.isEmpty()) {
                diagnostics.add("/" + input.path() + ": cannot read the package key '" + e.getKey() + "'");
                continue;
            }
            if (version.startsWith("file:") || version.startsWith("link:")) {
                continue;
            }
            if (!PackageLockAnalyzer.forLinux(p.get("os"))) {
                continue; // pnpm installs it only on those systems, so never in a container
            }
            List<String> deps = new ArrayList<>(NpmPackages.keys(p.get("dependencies")));
            JsonNode snapshot = root.path("snapshots").path(e.getKey());
            deps.addAll(NpmPackages.keys(snapshot.get("dependencies")));
            out.add(NpmPackages.of(name, version, input.path(), p.path("dev").asBoolean(false),
                    deps.stream().distinct().toList(), List.of()));
        }
        return new PackageList(out, diagnostics);
    }

    private static double parseVersion(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The name and version a packages key names, without peer-dependency suffixes. */
    static String[] nameVersion(String key, double lockVersion) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int paren = k.indexOf('(');
        if (paren > 0) {
            k = k.substring(0, paren);
        }
        if (lockVersion > 0 && lockVersion < 6) {
            int slash = k.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            String version = k.substring(slash + 1);
            int underscore = version.indexOf('_');
            return new String[] {k.substring(0, slash), underscore > 0 ? version.substring(0, underscore) : version};
        }
        int at = k.indexOf('@', 1);
        return at <= 0 ? null : new String[] {k.substring(0, at), k.substring(at + 1)};
    }
}
