package dev.drydock.analyzer.lang.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.Purls;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Composer: {@code composer.lock} ({@code packages} and {@code packages-dev}) and what is installed,
 * {@code vendor/composer/installed.json} (Composer 1: an array; Composer 2: {@code packages} plus
 * {@code dev-package-names}). Platform requirements ({@code php}, {@code ext-*}) are not packages.
 */
public final class ComposerAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "composer";
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
        return path.equals("composer.lock") || path.endsWith("/composer.lock")
                || path.endsWith("vendor/composer/installed.json");
    }

    @Override
    public long maxFileSize() {
        return 16L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(input.content());
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not valid JSON: " + e.getMessage()));
        }
        if (root == null) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": empty"));
        }
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        if (root.isArray()) {
            add(root, Set.of(), false, input.path(), out, diagnostics);
        } else {
            Set<String> devNames = new HashSet<>();
            root.path("dev-package-names").forEach(n -> devNames.add(n.asText()));
            add(root.path("packages"), devNames, false, input.path(), out, diagnostics);
            add(root.path("packages-dev"), Set.of(), true, input.path(), out, diagnostics);
        }
        return new PackageList(out, diagnostics);
    }

    private static void add(JsonNode packages, Set<String> devNames, boolean dev, String path, List<Package> out,
                            List<String> diagnostics) {
        for (JsonNode p : packages) {
            String name = p.path("name").asText("");
            String version = p.path("version").asText("");
            if (name.isEmpty() || version.isEmpty()) {
                diagnostics.add("/" + path + ": a package without name or version");
                continue;
            }
            List<String> licenses = new ArrayList<>();
            p.path("license").forEach(l -> licenses.add(l.asText()));
            List<String> deps = new ArrayList<>();
            p.path("require").fieldNames().forEachRemaining(d -> {
                if (d.contains("/")) {
                    deps.add(d);
                }
            });
            int slash = name.indexOf('/');
            String purl = slash > 0 ? Purls.of("composer", name.substring(0, slash), name.substring(slash + 1), version)
                    : Purls.of("composer", null, name, version);
            out.add(new Package("Packagist", name, version, purl, null, null, null, licenses, path, null,
                    dev || devNames.contains(name), deps, List.of()));
        }
    }
}
