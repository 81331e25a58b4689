package dev.drydock.scan;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two tiny package analyzers for inventory tests, so the merge semantics can be tested apart from the real analyzers:
 * a "status" database with lines {@code NAME VERSION [OWNED-FILE...]} (version {@code -}: none) in the neutral
 * {@code dpkg} ecosystem, and a
 * "lock.txt" lockfile with lines {@code NAME VERSION [DEPENDENCY...]} in npm. A line {@code !} is a diagnostic.
 */
final class TestPackageAnalyzers {

    private TestPackageAnalyzers() {
    }

    static final class Status implements Analyzer<PackageList> {
        @Override
        public String type() {
            return "test-status";
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
            return path.equals("var/lib/dpkg/status");
        }

        @Override
        public PackageList analyze(AnalysisInput input) throws IOException {
            List<Package> out = new ArrayList<>();
            List<String> diags = new ArrayList<>();
            for (String line : new String(input.content().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f[0].equals("!")) {
                    diags.add("/" + input.path() + ": bad line");
                } else if (f.length >= 2) {
                    String version = f[1].equals("-") ? "" : f[1];
                    out.add(new Package("dpkg", f[0], version, "pkg:deb/" + f[0] + "@" + f[1] + "?arch=amd64", f[0] + "-src", null,
                            "amd64", List.of("GPL-2.0-only"), input.path(), null, false, List.of(),
                            Arrays.asList(f).subList(2, f.length)));
                }
            }
            return new PackageList(out, diags);
        }
    }

    static final class Lock implements Analyzer<PackageList> {
        @Override
        public String type() {
            return "test-lock";
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
            return info.name().equals("lock.txt");
        }

        @Override
        public PackageList analyze(AnalysisInput input) throws IOException {
            List<Package> out = new ArrayList<>();
            for (String line : new String(input.content().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 2) {
                    out.add(new Package("npm", f[0], f[1], "pkg:npm/" + f[0] + "@" + f[1], null, null, null,
                            List.of("MIT"), input.path(), null, f[0].startsWith("dev-"),
                            Arrays.asList(f).subList(2, f.length), List.of()));
                }
            }
            return PackageList.of(out);
        }
    }
}
