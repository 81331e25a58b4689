package dev.drydock.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real npm project installed from the npm registry; npm's own {@code npm ls --all --json} is the oracle. */
class NpmOracleTest {

    @TempDir
    static Path work;
    static Path project;
    static Set<String> oracle;
    static Set<String> devOracle;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(LangScans.onPath("npm"), "npm is not installed (.ci/install-inventory-tools.sh): skipped");
        project = Files.createDirectories(work.resolve("project"));
        try {
            LangScans.run(project, 60, "npm", "init", "-y");
            LangScans.run(project, 600, "npm", "install", "--no-audit", "--no-fund", "express@5.1.0", "lodash",
                    "debug", "chalk@4", "commander", "axios", "semver", "uuid", "yargs", "minimist", "glob@7",
                    "@babel/parser");
            LangScans.run(project, 600, "npm", "install", "--no-audit", "--no-fund", "-D", "mocha@10");
        } catch (IOException e) {
            assumeTrue(false, "npm install failed (is the npm registry reachable?): skipped: " + e.getMessage());
        }
        JsonNode tree = new ObjectMapper().readTree(LangScans.run(project, 120, "npm", "ls", "--all", "--json"));
        oracle = new TreeSet<>();
        collect(tree.path("dependencies"), oracle);
        JsonNode devTree = new ObjectMapper().readTree(
                LangScans.run(project, 120, "npm", "ls", "--all", "--json", "--omit=prod"));
        devOracle = new TreeSet<>();
        collect(devTree.path("dependencies"), devOracle);
    }

    private static void collect(JsonNode deps, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String version = e.getValue().path("version").asText("");
            if (!version.isEmpty()) {
                out.add(e.getKey() + "@" + version);
            }
            collect(e.getValue().path("dependencies"), out);
        }
    }

    @Test
    void lockfileEqualsNpmLs() throws Exception {
        PackageList lock = LangScans.scan(project, new PackageLockAnalyzer());
        assertThat(lock.diagnostics()).isEmpty();
        assertThat(oracle).hasSizeGreaterThan(100);
        assertThat(LangScans.nameAtVersion(lock)).isEqualTo(oracle);
        Set<String> dev = new TreeSet<>();
        lock.packages().stream().filter(Package::dev).forEach(p -> dev.add(p.name() + "@" + p.version()));
        assertThat(dev).isNotEmpty().isSubsetOf(devOracle).contains(devOracle.stream()
                .filter(s -> s.startsWith("mocha@")).toArray(String[]::new));
        assertThat(lock.packages()).allSatisfy(p -> assertThat(p.purl()).startsWith("pkg:npm/"));
    }

    /**
     * The same project inside an image, through the layer walker and every built-in analyzer, with bad input in a
     * second layer (an invalid lockfile, a nested zip bomb jar, a truncated METADATA): each is a diagnostic naming its
     * file, and the npm inventory from both sources still equals npm ls.
     */
    @Test
    void inAnImageBesideBadInput() throws Exception {
        TestImages.LayerBuilder app = TestImages.layer();
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                app.file("app/" + project.relativize(f), Files.readAllBytes(f));
            }
        }
        byte[] bomb = LangScans.nestedZipBomb(10, 3);
        assertThat(bomb.length).isLessThan(16 << 20);
        Path image = TestImages.dockerArchive().layer(app)
                .layer(TestImages.layer()
                        .file("other/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {")
                        .file("opt/bomb.jar", bomb)
                        .file("usr/lib/python3/dist-packages/x-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nNa"))
                .writeTo(work.resolve("img.tar"));
        NodeModulesAnalyzer modules = new NodeModulesAnalyzer();
        PackageLockAnalyzer lock = new PackageLockAnalyzer();
        Analysis a = Analysis.of(image.toString(), null, Analyzers.builtIn(), new LayerCache(work.resolve("cache")),
                SourceOptions.defaults());
        Set<String> fromLock = new TreeSet<>();
        Set<String> fromModules = new TreeSet<>();
        List<String> diagnostics = new ArrayList<>();
        for (LayerResult layer : a.layers()) {
            diagnostics.addAll(layer.diagnostics());
            layer.results(lock).forEach(f -> fromLock.addAll(LangScans.nameAtVersion(f.value())));
            layer.results(modules).forEach(f -> fromModules.addAll(LangScans.nameAtVersion(f.value())));
            for (var found : layer.results().values()) {
                for (var f : found) {
                    if (f.value() instanceof PackageList l) {
                        diagnostics.addAll(l.diagnostics());
                    }
                }
            }
        }
        assertThat(fromLock).isEqualTo(oracle);
        assertThat(fromModules).isEqualTo(oracle);
        assertThat(diagnostics).hasSize(3).anySatisfy(d -> assertThat(d).contains("/other/package-lock.json",
                "not valid JSON")).anySatisfy(d -> assertThat(d).contains("/opt/bomb.jar", "zip bomb"))
                .anySatisfy(d -> assertThat(d).contains("x-1.0.dist-info/METADATA", "truncated"));
    }

    @Test
    void nodeModulesEqualsNpmLs() throws Exception {
        PackageList installed = LangScans.scan(project, new NodeModulesAnalyzer());
        assertThat(installed.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(installed)).isEqualTo(oracle);
        Package express = installed.packages().stream().filter(p -> p.name().equals("express")).findFirst().orElseThrow();
        assertThat(express.licenses()).containsExactly("MIT");
        assertThat(express.dependsOn()).contains("body-parser", "router");
        assertThat(express.purl()).isEqualTo("pkg:npm/express@5.1.0");
    }
}
