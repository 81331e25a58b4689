package dev.drydock.analyzer.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.lang.Purls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the npm-family analyzers share: the package record, JSON reading, licence fields. */
final class NpmPackages {

    static final String ECOSYSTEM = "npm";
    static final ObjectMapper JSON = new ObjectMapper();

    /** For yarn Berry and pnpm lockfiles: SnakeYAML's default 3 MB document limit is below big lockfiles' size. */
    static final ObjectMapper YAML = yaml();

    private NpmPackages() {
    }

    private static ObjectMapper yaml() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 << 20); // the analyzers' maxFileSize
        return new ObjectMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                .loaderOptions(options).build());
    }

    static Package of(String name, String version, String path, boolean dev, Collection<String> dependsOn,
                      List<String> licenses) {
        return new Package(ECOSYSTEM, name, version, Purls.npm(name, version), null, null, null, licenses, path, null,
                dev, dependsOn == null ? List.of() : List.copyOf(dependsOn), List.of());
    }

    /** package.json's {@code license} (a string or the old {@code {type}} object) or old {@code licenses} array. */
    static List<String> licenses(JsonNode pkg) {
        List<String> out = new ArrayList<>();
        JsonNode l = pkg.get("license");
        if (l != null) {
            add(out, l);
        }
        JsonNode ls = pkg.get("licenses");
        if (ls != null && ls.isArray()) {
            ls.forEach(x -> add(out, x));
        }
        return out;
    }

    private static void add(List<String> out, JsonNode l) {
        String s = l.isTextual() ? l.asText() : l.path("type").asText("");
        if (!s.isBlank()) {
            out.add(s.strip());
        }
    }

    static List<String> keys(JsonNode obj) {
        List<String> out = new ArrayList<>();
        if (obj != null && obj.isObject()) {
            obj.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** The package name a path inside node_modules names: the segment(s) after the last {@code node_modules/}. */
    static String nameFromPath(String path) {
        int i = path.lastIndexOf("node_modules/");
        return i < 0 ? null : path.substring(i + "node_modules/".length());
    }
}
