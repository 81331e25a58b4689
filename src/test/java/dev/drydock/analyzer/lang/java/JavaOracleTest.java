package dev.drydock.analyzer.lang.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Maven project (src/test/resources/.../fatapp: jackson-databind, commons-lang3, guava) built by mvn from Maven
 * Central into a Spring-Boot-style jar of nested jars and a shaded jar; {@code mvn dependency:list} is the oracle.
 */
class JavaOracleTest {

    @TempDir
    static Path work;
    static Path project;
    static Set<String> oracle;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(LangScans.onPath("mvn"), "mvn is not installed (.ci/install-inventory-tools.sh): skipped");
        project = work.resolve("fatapp");
        copy(Path.of(JavaOracleTest.class.getResource("fatapp/pom.xml").toURI()).getParent(), project);
        try {
            LangScans.run(project, 600, "mvn", "-B", "-q", "package");
            LangScans.run(project, 300, "mvn", "-B", "-q", "dependency:list", "-DoutputFile=deps.txt");
        } catch (IOException e) {
            assumeTrue(false, "mvn could not build the project (is Maven Central reachable?): skipped: " + e.getMessage());
        }
        // lines like "   com.google.guava:guava:jar:33.4.0-jre:compile -- module com.google.common [auto]"
        oracle = new TreeSet<>();
        for (String line : Files.readAllLines(project.resolve("deps.txt"))) {
            String[] gav = line.strip().split(" ")[0].split(":");
            if (gav.length >= 5) {
                oracle.add(gav[0] + ":" + gav[1] + "@" + gav[gav.length - 2]);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Set<String> withoutProject(PackageList list) {
        Set<String> s = LangScans.nameAtVersion(list);
        assertThat(s).contains("dev.drydock.test:fatapp@1.0.0");
        s.remove("dev.drydock.test:fatapp@1.0.0");
        return s;
    }

    @Test
    void nestedJarsEqualDependencyList() throws Exception {
        PackageList boot = LangScans.analyze(new JarAnalyzer(), "fatapp-boot.jar",
                Files.readAllBytes(project.resolve("target/fatapp-boot.jar")));
        assertThat(boot.diagnostics()).isEmpty();
        assertThat(oracle).hasSizeGreaterThanOrEqualTo(11);
        assertThat(withoutProject(boot)).isEqualTo(oracle);
        Package guava = boot.packages().stream().filter(p -> p.name().equals("com.google.guava:guava")).findFirst()
                .orElseThrow();
        assertThat(guava.path()).isEqualTo("fatapp-boot.jar!/BOOT-INF/lib/guava-33.4.0-jre.jar");
        assertThat(guava.purl()).isEqualTo("pkg:maven/com.google.guava/guava@33.4.0-jre");
        assertThat(guava.ecosystem()).isEqualTo("Maven");
    }

    @Test
    void shadedJarEqualsDependencyList() throws Exception {
        PackageList shaded = LangScans.analyze(new JarAnalyzer(), "fatapp-1.0.0-shaded.jar",
                Files.readAllBytes(project.resolve("target/fatapp-1.0.0-shaded.jar")));
        assertThat(shaded.diagnostics()).isEmpty();
        // shading merges every jar's classes into one: a dependency survives only through its pom.properties, and
        // checker-qual ships none (its identity is only in its own manifest, which shading drops)
        Set<String> expected = new TreeSet<>(oracle);
        expected.removeAll(withoutPomProperties());
        assertThat(expected).hasSize(oracle.size() - 1).doesNotContain("org.checkerframework:checker-qual@3.43.0");
        assertThat(withoutProject(shaded)).isEqualTo(expected);
    }

    @Test
    void jarInsideAnEarInsideAWar() throws Exception {
        // two more levels of nesting, one stored and one deflated, as an application server's archives have
        Path war = work.resolve("app.war");
        byte[] boot = Files.readAllBytes(project.resolve("target/fatapp-boot.jar"));
        byte[] ear = zip("lib/fatapp-boot.jar", boot, ZipEntry.DEFLATED);
        Files.write(war, zip("WEB-INF/lib/inner.ear", ear, ZipEntry.STORED));
        PackageList l = LangScans.analyze(new JarAnalyzer(), "app.war", Files.readAllBytes(war));
        assertThat(l.diagnostics()).isEmpty();
        assertThat(withoutProject(l)).isEqualTo(oracle);
        assertThat(l.packages()).extracting(Package::path)
                .contains("app.war!/WEB-INF/lib/inner.ear!/lib/fatapp-boot.jar!/BOOT-INF/lib/commons-lang3-3.17.0.jar");
    }

    /** The dependencies whose own jar (in the boot jar's BOOT-INF/lib) has no META-INF/maven pom.properties. */
    private static Set<String> withoutPomProperties() throws IOException {
        Set<String> out = new TreeSet<>();
        try (var boot = new java.util.zip.ZipFile(project.resolve("target/fatapp-boot.jar").toFile())) {
            for (var e : java.util.Collections.list(boot.entries())) {
                if (!e.getName().startsWith("BOOT-INF/lib/")) {
                    continue;
                }
                boolean hasPom = false;
                try (var jar = new java.util.zip.ZipInputStream(boot.getInputStream(e))) {
                    for (var inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        hasPom |= inner.getName().endsWith("/pom.properties");
                    }
                }
                if (!hasPom) {
                    String file = e.getName().substring("BOOT-INF/lib/".length());
                    oracle.stream().filter(gav -> file.equals(gav.substring(gav.indexOf(':') + 1).replace('@', '-')
                            + ".jar")).forEach(out::add);
                }
            }
        }
        return out;
    }

    static byte[] zip(String name, byte[] content, int method) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(method);
            if (method == ZipEntry.STORED) {
                var crc = new java.util.zip.CRC32();
                crc.update(content);
                e.setSize(content.length);
                e.setCompressedSize(content.length);
                e.setCrc(crc.getValue());
            }
            z.putNextEntry(e);
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

}
