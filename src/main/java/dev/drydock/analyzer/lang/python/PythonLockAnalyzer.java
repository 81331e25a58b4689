package dev.drydock.analyzer.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LockTomlReader;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Python lockfiles: {@code Pipfile.lock} (JSON: {@code default} and {@code develop} sections, versions as
 * {@code ==1.2.3}), {@code poetry.lock} and {@code uv.lock} (TOML {@code [[package]]} tables, see
 * {@link LockTomlReader}). Poetry before 1.2 marks dev packages with {@code category = "dev"}; uv's editable and
 * virtual sources are the project itself.
 */
public final class PythonLockAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "python-lock";
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
        return name.equals("Pipfile.lock") || name.equals("poetry.lock") || name.equals("uv.lock");
    }

    @Override
    public long maxFileSize() {
        return 16L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        if (input.path().endsWith("Pipfile.lock")) {
            return pipfile(input);
        }
        List<LockTomlReader.Entry> entries;
        try {
            entries = LockTomlReader.packages(
                    new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": " + e.getMessage()));
        }
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        for (LockTomlReader.Entry e : entries) {
            String name = e.string("name");
            String version = e.string("version");
            String source = e.values().getOrDefault("source", "");
            if (source.contains("editable") || source.contains("virtual")) {
                continue; // uv: the project being locked, or a workspace member
            }
            if (name == null || version == null) {
                diagnostics.add("/" + input.path() + ":" + e.line() + ": [[package]] without name or version");
                continue;
            }
            Set<String> deps = new LinkedHashSet<>(e.dependencies());
            Matcher m = LockTomlReader.NAME_IN_INLINE_TABLE.matcher(e.values().getOrDefault("dependencies", ""));
            while (m.find()) {
                deps.add(m.group(1));
            }
            out.add(PythonPackages.of(name, version, input.path(), "dev".equals(e.string("category")), deps,
                    List.of()));
        }
        return new PackageList(out, diagnostics);
    }

    private PackageList pipfile(AnalysisInput input) {
        JsonNode lock;
        try {
            lock = JSON.readTree(input.content());
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not valid JSON: " + e.getMessage()));
        }
        if (lock == null || !lock.isObject()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": not a JSON object"));
        }
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        for (String section : List.of("default", "develop")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = lock.path(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String version = e.getValue().path("version").asText("");
                if (version.startsWith("==")) {
                    out.add(PythonPackages.of(e.getKey(), version.substring(2), input.path(),
                            section.equals("develop"), List.of(), List.of()));
                } else if (version.isEmpty() && !e.getValue().has("git") && !e.getValue().has("path")
                        && !e.getValue().has("file")) {
                    diagnostics.add("/" + input.path() + ": " + section + "." + e.getKey() + " has no version");
                }
            }
        }
        return new PackageList(out, diagnostics);
    }
}
