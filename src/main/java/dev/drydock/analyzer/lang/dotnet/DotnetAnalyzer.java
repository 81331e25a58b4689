package dev.drydock.analyzer.lang.dotnet;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * .NET: {@code *.deps.json} beside a published application ({@code libraries}, keyed {@code Name/1.2.3}, of type
 * {@code package}; {@code project} entries are the application itself) and NuGet's {@code packages.lock.json}
 * ({@code dependencies} per target framework; {@code Project} entries are the solution's own).
 */
public final class DotnetAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "dotnet";
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
        return path.endsWith(".deps.json") || path.equals("packages.lock.json") || path.endsWith("/packages.lock.json");
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
        if (root == null || !root.isObject()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not a JSON object"));
        }
        Map<String, Package> out = new LinkedHashMap<>();
        if (input.path().endsWith(".deps.json")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("libraries").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int slash = e.getKey().indexOf('/');
                if (slash > 0 && e.getValue().path("type").asText("").equals("package")) {
                    String name = e.getKey().substring(0, slash);
                    String version = e.getKey().substring(slash + 1);
                    out.putIfAbsent(e.getKey(), nuget(name, version, input.path(), List.of()));
                }
            }
        } else {
            for (JsonNode framework : root.path("dependencies")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = framework.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String version = e.getValue().path("resolved").asText("");
                    if (!e.getValue().path("type").asText("").equals("Project") && !version.isEmpty()) {
                        List<String> deps = new ArrayList<>();
                        e.getValue().path("dependencies").fieldNames().forEachRemaining(deps::add);
                        out.putIfAbsent(e.getKey() + "/" + version, nuget(e.getKey(), version, input.path(), deps));
                    }
                }
            }
        }
        return PackageList.of(List.copyOf(out.values()));
    }

    private static Package nuget(String name, String version, String path, List<String> deps) {
        return new Package("NuGet", name, version, Purls.of("nuget", null, name, version), null, null, null, List.of(),
                path, null, false, deps, List.of());
    }
}
