package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.HTTP2_RAPID_RESET;
import static dev.drydock.policy.PolicyFixtures.LOG4SHELL;
import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoresTest {

    @TempDir
    Path dir;

    @Test
    void trivyIgnoreAsTrivyDocumentsIt() throws Exception {
        // https://trivy.dev/latest/docs/configuration/filtering/#trivyignore
        Path f = write(dir, ".trivyignore", """
                # Accept the risk
                CVE-2018-14618

                # Accept the risk until 2023-01-01
                # (the vendor ships a fix in January)
                CVE-2019-14697 exp:2023-01-01
                GHSA-jfh8-c2jp-5v3q

                # No impact in our settings
                AVD-DS-0002 # misconfiguration
                generic-unwanted-rule
                """);
        Ignores i = Ignores.read(f);
        assertThat(i.entries()).extracting(Ignores.Entry::id)
                .containsExactly("CVE-2018-14618", "CVE-2019-14697", "GHSA-jfh8-c2jp-5v3q", "AVD-DS-0002", "generic-unwanted-rule");
        assertThat(i.entries()).extracting(Ignores.Entry::reason).containsExactly("Accept the risk",
                "Accept the risk until 2023-01-01 (the vendor ships a fix in January)",
                "Accept the risk until 2023-01-01 (the vendor ships a fix in January)",
                "No impact in our settings; misconfiguration", "No impact in our settings");
        assertThat(i.entries().get(1).expires()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(i.entries()).extracting(Ignores.Entry::line).containsExactly(2, 6, 7, 10, 11);
    }

    @Test
    void anIdWithoutCommentSaysSo() throws Exception {
        Ignores i = Ignores.read(write(dir, ".trivyignore", "CVE-2023-44487\n"));
        assertThat(i.entries().get(0).reason()).isEqualTo("listed in .trivyignore (no reason given)");
    }

    @Test
    void defaultFilesInTheWorkingDirectory() throws Exception {
        assertThat(Ignores.load(null, dir).entries()).isEmpty();
        write(dir, ".trivyignore", "CVE-2023-44487\n");
        assertThat(Ignores.load(null, dir).entries()).extracting(Ignores.Entry::id).containsExactly("CVE-2023-44487");
        write(dir, ".drydockignore", "ignores:\n  - id: CVE-2021-44228\n    reason: r\n");
        assertThat(Ignores.load(null, dir).entries()).extracting(Ignores.Entry::id).containsExactly("CVE-2021-44228");
        Path other = Files.createDirectories(dir.resolve("ci")).resolve("accepted.yaml");
        Files.writeString(other, "ignores: []\n");
        assertThat(Ignores.load(other, dir).entries()).isEmpty();
    }

    @Test
    void expiryHoldsUntilTheDayBefore() {
        Ignores.Entry e = new Ignores.Entry("X", null, null, null, "r", LocalDate.of(2027, 1, 31), Path.of(".drydockignore"), 1);
        assertThat(e.expired(LocalDate.of(2027, 1, 30))).isFalse();
        assertThat(e.expired(LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(new Ignores.Entry("X", null, null, null, "r", null, Path.of("f"), 1).expired(LocalDate.MAX)).isFalse();
    }

    @Test
    void matchingByIdAliasPackageAndPath() {
        Path f = Path.of(".drydockignore");
        assertThat(new Ignores.Entry("cve-2023-44487", null, null, null, "r", null, f, 1).matches(HTTP2_RAPID_RESET)).isTrue();
        assertThat(new Ignores.Entry("DSA-5540-1", null, null, null, "r", null, f, 1).matches(HTTP2_RAPID_RESET)).isTrue();
        // source package name, as Debian's advisories name it
        assertThat(new Ignores.Entry("DSA-5540-1", "nghttp2", null, null, "r", null, f, 1).matches(HTTP2_RAPID_RESET)).isTrue();
        assertThat(new Ignores.Entry("DSA-5540-1", "curl", null, null, "r", null, f, 1).matches(HTTP2_RAPID_RESET)).isFalse();
        assertThat(new Ignores.Entry("CVE-2021-44228", null, null, "/app/lib/*.jar", "r", null, f, 1).matches(LOG4SHELL)).isTrue();
        assertThat(new Ignores.Entry("CVE-2021-44228", null, null, "app/*.jar", "r", null, f, 1).matches(LOG4SHELL)).isFalse();
        assertThat(new Ignores.Entry("CVE-2021-44228", null, null, "app/**", "r", null, f, 1).matches(LOG4SHELL)).isTrue();
    }

    @Test
    void trivyYamlIgnoreAsTrivyDocumentsIt() throws Exception {
        // the example of https://trivy.dev/latest/docs/configuration/filtering/#trivyignoreyaml
        Path f = write(dir, ".trivyignore.yaml", """
                vulnerabilities:
                  - id: CVE-2022-40897
                    paths:
                      - "usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA"
                    statement: Accept the risk
                  - id: CVE-2023-2650
                  - id: CVE-2023-3817
                    purls:
                      - "pkg:deb/debian/libssl1.1"
                  - id: CVE-2023-29491
                    expired_at: 2023-09-01
                misconfigurations:
                  - id: AVD-DS-0002
                    paths:
                      - "docs/Dockerfile"
                    statement: The image needs root privileges
                secrets:
                  - id: aws-secret-access-key
                    paths:
                      - "foo/bar/aws.secret"
                licenses:
                  - id: GPL-3.0 # License name is used as ID
                """);
        Ignores i = Ignores.read(f);
        assertThat(i.entries()).extracting(Ignores.Entry::id).containsExactly("CVE-2022-40897", "CVE-2023-2650", "CVE-2023-3817",
                "CVE-2023-29491", "AVD-DS-0002", "aws-secret-access-key", "GPL-3.0");
        assertThat(i.entries().get(0).path()).startsWith("usr/local/lib/python3.9");
        assertThat(i.entries().get(0).reason()).isEqualTo("Accept the risk");
        assertThat(i.entries().get(1).reason()).isEqualTo("listed in .trivyignore.yaml (no statement given)");
        assertThat(i.entries().get(2).packageName()).isEqualTo("libssl1.1");
        assertThat(i.entries().get(3).expires()).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(i.entries().get(3).line()).isEqualTo(10);
    }
}
