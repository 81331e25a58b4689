package dev.drydock.analyzer.lang.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Go binaries built by Debian's golang-go (ELF, and cross-compiled Mach-O and PE), with dependencies served from
 * a module proxy in a local directory (GOPROXY=file://, so no network) plus a directory replacement and a module
 * replacement; {@code go version -m} is the oracle.
 */
class GoOracleTest {

    static final GoBinaryAnalyzer A = new GoBinaryAnalyzer();

    @TempDir
    static Path work;
    static Map<String, String> env;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(LangScans.onPath("go"), "go is not installed (golang-go, .ci/install-inventory-tools.sh): skipped");
        Path proxy = work.resolve("proxy");
        module(proxy, "example.com/greeter", "v1.4.0", "example.com/greeter", "greeter",
                "package greeter\n\nfunc Greet() string { return \"hi\" }\n");
        module(proxy, "example.com/new", "v0.2.0", "example.com/old", "old",
                "package old\n\nfunc Old() string { return \"new\" }\n");
        write(work.resolve("lib/go.mod"), "module example.com/lib\n\ngo 1.19\n");
        write(work.resolve("lib/lib.go"), "package lib\n\nfunc Hello() string { return \"hello\" }\n");
        write(work.resolve("app/go.mod"), """
                module example.com/app

                go 1.19

                require (
                	example.com/greeter v1.4.0
                	example.com/lib v1.2.3 // indirect
                	example.com/old v0.1.0
                )

                replace example.com/lib v1.2.3 => ../lib

                replace example.com/old => example.com/new v0.2.0
                """);
        write(work.resolve("app/main.go"), """
                package main

                import (
                	"example.com/greeter"
                	"example.com/lib"
                	"example.com/old"
                )

                func main() { println(greeter.Greet(), lib.Hello(), old.Old()) }
                """);
        env = Map.of("GOPROXY", proxy.toUri().toString(), "GOSUMDB", "off", "GOFLAGS", "-mod=mod -modcacherw",
                "GOPATH", work.resolve("gopath").toString(), "CGO_ENABLED", "0");
        Path app = work.resolve("app");
        LangScans.run(app, 300, env, "go", "build", "-o", "app-linux", ".");
        LangScans.run(app, 300, with("GOOS", "darwin", "GOARCH", "arm64"), "go", "build", "-o", "app-darwin", ".");
        LangScans.run(app, 300, with("GOOS", "windows", "GOARCH", "amd64"), "go", "build", "-o", "app.exe", ".");
    }

    private static Map<String, String> with(String k1, String v1, String k2, String v2) {
        var m = new java.util.HashMap<>(env);
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** A module in the GOPROXY file layout (https://go.dev/ref/mod#goproxy-protocol). */
    private static void module(Path proxy, String path, String version, String declared, String file, String source)
            throws IOException {
        Path dir = proxy.resolve(path + "/@v");
        String goMod = "module " + declared + "\n\ngo 1.19\n";
        write(dir.resolve("list"), version + "\n");
        write(dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}");
        write(dir.resolve(version + ".mod"), goMod);
        var zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (String[] e : new String[][] {{"go.mod", goMod}, {file + ".go", source}}) {
                z.putNextEntry(new ZipEntry(path + "@" + version + "/" + e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.write(dir.resolve(version + ".zip"), zip.toByteArray());
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /**
     * {@code go version -m}: "mod"/"dep" lines, each replaced by a following "=>" line unless that names a directory;
     * plus stdlib at the Go version of the first line.
     */
    static Set<String> goVersionM(Path binary) throws Exception {
        String out = LangScans.run(binary.getParent(), 60, "go", "version", "-m", binary.toString());
        Set<String> modules = new TreeSet<>();
        String pending = null;
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\t");
            if (line.startsWith(binary.toString() + ": go")) {
                modules.add("stdlib@" + line.substring(line.indexOf(": go") + 4).strip().split(" ")[0]);
            } else if (f[0].equals("mod") || f[0].equals("dep")) {
                if (pending != null) {
                    modules.add(pending);
                }
                pending = f[1] + "@" + f[2];
            } else if (f[0].equals("=>")) {
                if (!f[1].startsWith(".") && !f[1].startsWith("/")) {
                    pending = f[1] + "@" + f[2];
                }
            }
        }
        if (pending != null) {
            modules.add(pending);
        }
        return modules;
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-linux", "app-darwin", "app.exe"})
    void binaryEqualsGoVersionM(String name) throws Exception {
        Path binary = work.resolve("app").resolve(name);
        Set<String> oracle = goVersionM(binary);
        assertThat(oracle).contains("example.com/greeter@v1.4.0", "example.com/lib@v1.2.3", "example.com/new@v0.2.0",
                "example.com/app@(devel)").hasSize(5);
        FileInfo info = new FileInfo(name, FileInfo.Type.FILE, Files.size(binary), 0755, 0, 0, "", 0);
        assertThat(A.required(name, info)).isTrue();
        PackageList l = LangScans.analyze(A, name, Files.readAllBytes(binary));
        assertThat(l.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(l)).isEqualTo(oracle);
        Package greeter = l.packages().stream().filter(p -> p.name().equals("example.com/greeter")).findFirst()
                .orElseThrow();
        assertThat(greeter.purl()).isEqualTo("pkg:golang/example.com/greeter@v1.4.0");
        assertThat(greeter.ecosystem()).isEqualTo("Go");
    }

    @Test
    void goModMatchesTheBinary() throws Exception {
        PackageList l = LangScans.analyze(new GoModAnalyzer(), "app/go.mod",
                Files.readAllBytes(work.resolve("app/go.mod")));
        Set<String> fromBinary = goVersionM(work.resolve("app/app-linux"));
        fromBinary.removeIf(s -> s.startsWith("stdlib@") || s.startsWith("example.com/app@"));
        assertThat(LangScans.nameAtVersion(l)).isEqualTo(fromBinary);
    }

    @Test
    void debianDockerRegistry() throws Exception {
        Path registry = Path.of("/usr/bin/docker-registry");
        assumeTrue(Files.isRegularFile(registry), "docker-registry is not installed: skipped");
        PackageList l = LangScans.analyze(A, "usr/bin/docker-registry", Files.readAllBytes(registry));
        assertThat(l.diagnostics()).isEmpty();
        // Debian builds it in GOPATH mode: no modules recorded, only the Go version
        assertThat(LangScans.nameAtVersion(l)).isEqualTo(goVersionM(registry));
    }

    @Test
    void notGoBinaries() throws Exception {
        // an ELF that is not Go (the JVM's own launcher), and a script: nothing, and no diagnostic
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(LangScans.analyze(A, "usr/bin/java", Files.readAllBytes(java))).isNull();
        assertThat(LangScans.analyze(A, "usr/bin/run", "#!/bin/sh\necho hi\n")).isNull();
    }
}
