package dev.drydock.analyzer.ospkg.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgAnalyzerTest {

    static final DpkgAnalyzer A = new DpkgAnalyzer();
    static final DpkgFilesAnalyzer F = new DpkgFilesAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "var/lib/dpkg/status                     | true  | false",
            "var/lib/dpkg/status.d/tzdata            | true  | false",  // distroless
            "var/lib/dpkg/status.d/tzdata.md5sums    | false | true",
            "var/lib/dpkg/info/libc6:amd64.list      | false | true",
            "var/lib/dpkg/info/dpkg.list             | false | true",
            "var/lib/dpkg/status-old                 | false | false",  // near misses
            "var/lib/dpkg/status.d/sub/x             | false | false",
            "var/lib/dpkg/info/dpkg.md5sums          | false | false",
            "var/lib/dpkg/info/.list                 | false | false",
            "usr/var/lib/dpkg/status                 | false | false",
    })
    void required(String path, boolean status, boolean files) {
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, 10, 0644, 0, 0, "", 0);
        assertThat(A.required(path, info)).isEqualTo(status);
        assertThat(F.required(path, info)).isEqualTo(files);
    }

    @Test
    void truncatedStatusKeepsWhatItCanAndSaysWhatItCannot() throws Exception {
        PackageList l = analyze("var/lib/dpkg/status", "status-truncated");
        assertThat(l.packages()).extracting(Package::name).containsExactly("base-files", "libgcc-s1", "login");
        // config-files only (libssl3) is not installed; libc6 lost its Version to the truncation
        assertThat(l.diagnostics()).anySatisfy(d -> assertThat(d).contains("not a 'Field: value' line"));
        assertThat(l.diagnostics()).anySatisfy(d -> assertThat(d).contains("without Version of libc6"));
        Package gcc = l.packages().get(1);
        assertThat(gcc.sourceName()).isEqualTo("gcc-12");
        assertThat(gcc.sourceVersion()).isNull(); // same as the binary's
        assertThat(gcc.dependsOn()).containsExactly("gcc-12-base", "libc6");
        Package login = l.packages().get(2);
        assertThat(login.sourceName()).isEqualTo("shadow");
        assertThat(login.version()).isEqualTo("1:4.13+dfsg1-1+b1");
        assertThat(login.purl()).isEqualTo("pkg:deb/debian/login@1%3A4.13%2Bdfsg1-1%2Bb1?arch=amd64");
        assertThat(login.dependsOn()).containsExactly("libaudit1", "libc6", "libpam0g");
        assertThat(l.packages().get(0).sourceName()).isEqualTo("base-files");
    }

    @Test
    void sourceWithItsOwnVersion() throws Exception {
        PackageList l = DpkgStatusParser.parse(new java.io.BufferedReader(new java.io.StringReader(
                "Package: libexpat1\nStatus: install ok installed\nSource: expat (2.5.0-1)\nVersion: 2.5.0-1+b1\n"
                        + "Architecture: arm64\n")), "var/lib/dpkg/status", true);
        Package p = l.packages().get(0);
        assertThat(List.of(p.sourceName(), p.sourceVersion(), p.arch())).containsExactly("expat", "2.5.0-1", "arm64");
    }

    @Test
    void distrolessStatusD() throws Exception {
        PackageList l = analyze("var/lib/dpkg/status.d/tzdata", "distroless-tzdata");
        assertThat(l.diagnostics()).isEmpty();
        assertThat(l.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("tzdata");
            assertThat(p.version()).isEqualTo("2024a-0+deb12u1");
        });
        DpkgFiles files = F.analyze(new AnalysisInput("var/lib/dpkg/status.d/tzdata.md5sums", null,
                new ByteArrayInputStream(("d41d8cd98f00b204e9800998ecf8427e  usr/share/zoneinfo/UTC\n"
                        + "0cc175b9c0f1b6a831c399e269772661  usr/share/doc/tzdata/copyright\n").getBytes()), null));
        assertThat(files.owner()).isEqualTo("tzdata");
        assertThat(DpkgFiles.attach(l, List.of(files)).packages().get(0).files())
                .containsExactly("usr/share/zoneinfo/UTC", "usr/share/doc/tzdata/copyright");
    }

    @Test
    void listFilesDropTheRootAndTheArchitecture() throws Exception {
        DpkgFiles files = F.analyze(new AnalysisInput("var/lib/dpkg/info/libc6:amd64.list", null,
                new ByteArrayInputStream("/.\n/usr\n/usr/lib/x86_64-linux-gnu/libc.so.6\n".getBytes()), null));
        assertThat(files).isEqualTo(new DpkgFiles("libc6", "amd64", List.of("usr", "usr/lib/x86_64-linux-gnu/libc.so.6")));
    }

    @Test
    void multiArchListsGoToTheirOwnArchitecture() throws Exception {
        PackageList l = DpkgStatusParser.parse(new java.io.BufferedReader(new java.io.StringReader(
                "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\nArchitecture: amd64\n\n"
                        + "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\nArchitecture: i386\n\n"
                        + "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\nArchitecture: amd64\n")),
                "var/lib/dpkg/status", true);
        PackageList joined = DpkgFiles.attach(l, List.of(
                new DpkgFiles("libc6", "amd64", List.of("usr/lib/x86_64-linux-gnu/libc.so.6")),
                new DpkgFiles("libc6", "i386", List.of("usr/lib/i386-linux-gnu/libc.so.6")),
                new DpkgFiles("bash", null, List.of("usr/bin/bash"))));
        assertThat(joined.packages()).extracting(p -> p.files().get(0)).containsExactly(
                "usr/lib/x86_64-linux-gnu/libc.so.6", "usr/lib/i386-linux-gnu/libc.so.6", "usr/bin/bash");
    }

    @Test
    void binaryGarbageIsADiagnosticNotAnException() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(4).nextBytes(junk);
        PackageList l = A.analyze(new AnalysisInput("var/lib/dpkg/status", null, new ByteArrayInputStream(junk), null));
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).isNotEmpty();
    }

    static PackageList analyze(String path, String fixture) throws Exception {
        try (InputStream in = DpkgAnalyzerTest.class.getResourceAsStream("/analyzer/ospkg/dpkg/" + fixture)) {
            byte[] b = in.readAllBytes();
            return A.analyze(new AnalysisInput(path, null, new ByteArrayInputStream(b), null));
        }
    }
}
