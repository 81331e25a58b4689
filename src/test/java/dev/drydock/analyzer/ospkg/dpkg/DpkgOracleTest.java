package dev.drydock.analyzer.ospkg.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The oracle: dpkg-query over a real debootstrapped Debian bookworm root. */
class DpkgOracleTest {

    @Test
    void inventoryEqualsDpkgQuery() throws Exception {
        String skip = DebianRoot.ensure();
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "skipped: dpkg-query is not installed");
        Path root = DebianRoot.ROOT;

        Process p = new ProcessBuilder("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W", "-f",
                "${Package} ${Version} ${Architecture} ${source:Package} ${source:Version}\\n").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        TreeSet<String> expected = new TreeSet<>(out.lines().toList());

        PackageList list = analyze(new DpkgAnalyzer(), root, "var/lib/dpkg/status");
        TreeSet<String> actual = new TreeSet<>();
        for (Package pkg : list.packages()) {
            actual.add(pkg.name() + " " + pkg.version() + " " + pkg.arch() + " " + pkg.sourceName() + " "
                    + (pkg.sourceVersion() == null ? pkg.version() : pkg.sourceVersion()));
        }
        assertThat(list.diagnostics()).isEmpty();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(actual).containsExactlyElementsOf(expected);

        // owned files: every package's .list, joined; dpkg -L libc6 lists /usr/lib/x86_64-linux-gnu/libc.so.6 or alike
        DpkgFilesAnalyzer files = new DpkgFilesAnalyzer();
        List<DpkgFiles> lists = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("var/lib/dpkg/info"))) {
            for (Path f : s.sorted().toList()) {
                String rel = root.relativize(f).toString();
                if (files.required(rel, info(rel, Files.size(f)))) {
                    lists.add(analyze(files, root, rel));
                }
            }
        }
        PackageList joined = DpkgFiles.attach(list, lists);
        Package dpkg = joined.packages().stream().filter(x -> x.name().equals("dpkg")).findFirst().orElseThrow();
        assertThat(dpkg.files()).contains("usr/bin/dpkg", "var/lib/dpkg");
        assertThat(joined.packages()).allSatisfy(x -> assertThat(x.files()).as(x.name()).isNotEmpty());
    }

    static FileInfo info(String path, long size) {
        return new FileInfo(path, FileInfo.Type.FILE, size, 0644, 0, 0, "", 0);
    }

    static <R> R analyze(dev.drydock.analyzer.Analyzer<R> a, Path root, String rel) throws Exception {
        Path f = root.resolve(rel);
        try (InputStream in = Files.newInputStream(f)) {
            return a.analyze(new AnalysisInput(rel, info(rel, Files.size(f)), in, null));
        }
    }
}
