package dev.drydock.analyzer.ospkg.apk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture is written after a real Alpine 3.20 {@code /lib/apk/db/installed}, cut short at the end. */
class ApkAnalyzerTest {

    static final ApkAnalyzer A = new ApkAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lib/apk/db/installed      | true",
            "usr/lib/apk/db/installed  | true",
            "lib/apk/db/installed.new  | false",
            "lib/apk/db/triggers       | false",
            "x/lib/apk/db/installed    | false",
    })
    void required(String path, boolean wanted) {
        assertThat(A.required(path, new FileInfo(path, FileInfo.Type.FILE, 1, 0644, 0, 0, "", 0))).isEqualTo(wanted);
    }

    @Test
    void readsPackagesOriginsLicencesAndFiles() throws Exception {
        PackageList l;
        try (InputStream in = getClass().getResourceAsStream("/analyzer/ospkg/apk/installed")) {
            l = A.analyze(new AnalysisInput("lib/apk/db/installed", null, in, null));
        }
        assertThat(l.packages()).extracting(Package::name).containsExactly("musl", "busybox", "libcrypto3");
        Package musl = l.packages().get(0);
        assertThat(musl.files()).containsExactly("lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1");
        assertThat(musl.licenses()).containsExactly("MIT");
        assertThat(musl.purl()).isEqualTo("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64");
        Package busybox = l.packages().get(1);
        assertThat(busybox.files()).containsExactly("bin/busybox", "bin/sh", "etc/securetty",
                "usr/share/udhcpc/default.script");
        assertThat(busybox.dependsOn()).isEmpty(); // so: provides are not package names
        Package crypto = l.packages().get(2);
        assertThat(crypto.sourceName()).isEqualTo("openssl");
        assertThat(crypto.version()).isEqualTo("3.3.1-r0");
        assertThat(crypto.arch()).isEqualTo("x86_64");
        // the last entry was cut off before its version
        assertThat(l.diagnostics()).singleElement().asString().contains("ssl_client without V:");
    }

    @Test
    void dependencyNames() {
        assertThat(ApkDatabaseParser.dependencyName("ca-certificates-bundle>=20240226")).isEqualTo("ca-certificates-bundle");
        assertThat(ApkDatabaseParser.dependencyName("!busybox-suid")).isEmpty();
        assertThat(ApkDatabaseParser.dependencyName("so:libz.so.1")).isEmpty();
    }
}
