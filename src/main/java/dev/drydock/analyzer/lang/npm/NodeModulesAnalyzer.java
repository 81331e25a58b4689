package dev.drydock.analyzer.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Installed npm packages: the {@code package.json} at the root of each package directory under a
 * {@code node_modules} ({@code node_modules/x/package.json}, {@code node_modules/@s/x/package.json}, at any nesting).
 * Other package.json files (a package's own test fixtures, an application's root) are not installed packages.
 */
public final class NodeModulesAnalyzer implements Analyzer<PackageList> {

    private static final Pattern INSTALLED =
            Pattern.compile("(?:.*/)?node_modules/(?:@[^/]+/)?[^/@.][^/]*/package\\.json");

    @Override
    public String type() {
        return "npm-package-json";
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
        return path.endsWith("/package.json") && INSTALLED.matcher(path).matches();
    }

    @Override
    public long maxFileSize() {
        return 1 << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        JsonNode pkg;
        try {
            pkg = NpmPackages.JSON.readTree(input.content());
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not valid JSON: " + e.getMessage()));
        }
        if (pkg == null || !pkg.isObject()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not a JSON object"));
        }
        String name = pkg.path("name").asText("");
        String version = pkg.path("version").asText("");
        if (name.isEmpty() || version.isEmpty()) {
            // npm itself installs such directories only as links or broken installs; name the place
            return new PackageList(List.of(), List.of("/" + input.path() + ": package.json without name or version"));
        }
        return PackageList.of(List.of(NpmPackages.of(name, version, input.path(), false,
                NpmPackages.keys(pkg.get("dependencies")), NpmPackages.licenses(pkg))));
    }
}
