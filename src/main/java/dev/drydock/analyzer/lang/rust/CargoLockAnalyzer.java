package dev.drydock.analyzer.lang.rust;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LockTomlReader;
import dev.drydock.analyzer.lang.Purls;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Cargo.lock}: its {@code [[package]]} tables. Packages without a {@code source} are the workspace's own crates,
 * not dependencies, and are left out. Dependencies are listed as {@code "name"} or {@code "name version (source)"}.
 */
public final class CargoLockAnalyzer implements Analyzer<PackageList> {

    static final String ECOSYSTEM = "crates.io";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Override
    public String type() {
        return "cargo-lock";
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
        return path.equals("Cargo.lock") || path.endsWith("/Cargo.lock");
    }

    @Override
    public long maxFileSize() {
        return 16L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
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
            if (name == null || version == null) {
                diagnostics.add("/" + input.path() + ":" + e.line() + ": [[package]] without name or version");
                continue;
            }
            if (e.string("source") == null) {
                continue;
            }
            List<String> deps = new ArrayList<>();
            Matcher m = QUOTED.matcher(e.values().getOrDefault("dependencies", ""));
            while (m.find()) {
                deps.add(m.group(1).split(" ")[0]);
            }
            out.add(crate(name, version, input.path(), deps));
        }
        return new PackageList(out, diagnostics);
    }

    static Package crate(String name, String version, String path, List<String> deps) {
        return new Package(ECOSYSTEM, name, version, Purls.of("cargo", null, name, version), null, null, null,
                List.of(), path, null, false, deps, List.of());
    }
}
