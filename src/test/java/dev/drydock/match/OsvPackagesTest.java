package dev.drydock.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How packages are named in OSV, one row per ecosystem rule. */
class OsvPackagesTest {

    static Package os(String eco, String name, String version, String source, String sourceVersion) {
        return new Package(eco, name, version, null, source, sourceVersion, null, List.of(), "db", null, false, List.of(),
                List.of());
    }

    static List<String> keys(Package p) {
        return OsvPackages.keys(p).stream().map(k -> k.ecosystem() + "|" + k.name() + "|" + k.version()).toList();
    }

    @Test
    void osPackages() {
        // Debian and Ubuntu: the source package at the source version (a binNMU's +b1 is not in the source version)
        assertThat(keys(os("Debian:12", "libssl3", "3.0.11-1~deb12u2+b1", "openssl", "3.0.11-1~deb12u2")))
                .containsExactly("Debian:12|openssl|3.0.11-1~deb12u2");
        assertThat(keys(os("Ubuntu:22.04:LTS", "libc6", "2.35-0ubuntu3.6", "glibc", null)))
                .containsExactly("Ubuntu:22.04:LTS|glibc|2.35-0ubuntu3.6");
        assertThat(keys(os("Debian:12", "tar", "1.34+dfsg-1.2", null, null))).containsExactly("Debian:12|tar|1.34+dfsg-1.2");
        // Alpine: the origin
        assertThat(keys(os("Alpine:v3.19", "libcrypto3", "3.1.4-r2", "openssl", null)))
                .containsExactly("Alpine:v3.19|openssl|3.1.4-r2");
        // RPM distributions: the binary name, then the source RPM name
        assertThat(keys(os("AlmaLinux:9", "openssl-libs", "1:3.0.7-27.el9", "openssl", null)))
                .containsExactly("AlmaLinux:9|openssl-libs|1:3.0.7-27.el9", "AlmaLinux:9|openssl|1:3.0.7-27.el9");
        assertThat(keys(os("Rocky Linux:9", "bash", "5.1.8-6.el9_1", "bash", null)))
                .containsExactly("Rocky Linux:9|bash|5.1.8-6.el9_1");
    }

    @Test
    void languagePackages() {
        assertThat(keys(Package.of("PyPI", "Zope.Interface", "5.0", null, "x"))).containsExactly("PyPI|zope-interface|5.0");
        assertThat(keys(Package.of("PyPI", "PyYAML", "6.0", null, "x"))).containsExactly("PyPI|pyyaml|6.0");
        assertThat(keys(Package.of("Go", "golang.org/x/net", "v0.17.0", null, "x"))).containsExactly("Go|golang.org/x/net|0.17.0");
        assertThat(keys(Package.of("Go", "github.com/x/y", "v2.0.0+incompatible", null, "x")))
                .containsExactly("Go|github.com/x/y|2.0.0+incompatible");
        assertThat(keys(Package.of("Packagist", "Symfony/HTTP-Kernel", "5.4.0", null, "x")))
                .containsExactly("Packagist|symfony/http-kernel|5.4.0");
        assertThat(keys(Package.of("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", null, "x")))
                .containsExactly("Maven|org.apache.logging.log4j:log4j-core|2.14.1");
        assertThat(keys(Package.of("npm", "@babel/core", "7.0.0", null, "x"))).containsExactly("npm|@babel/core|7.0.0");
    }

    @Test
    void whatCannotBeNamed() {
        assertThat(keys(Package.of("Maven", "log4j-core", "2.14.1", null, "x"))).isEmpty();
        assertThat(OsvPackages.unnamed(Package.of("Maven", "log4j-core", "2.14.1", null, "x"))).contains("groupId");
        assertThat(keys(Package.of("Go", "example.com/app", "(devel)", null, "x"))).isEmpty();
        assertThat(keys(Package.of("npm", "x", "", null, "x"))).isEmpty();
        assertThat(keys(os("dpkg", "tar", "1.34", null, null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1.19.8,      1.19.8
            go1.19.8,    1.19.8
            1.19,        1.19.0
            go1.21.0,    1.21.0
            1.22rc1,     1.22.0-rc.1
            go1.20beta2, 1.20.0-beta.2
            devel +abc,  devel +abc
            """)
    void goToolchainVersions(String in, String out) {
        assertThat(OsvPackages.goToolchainVersion(in)).isEqualTo(out);
    }
}
