package dev.drydock.analyzer.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Release files as the distributions ship them (contents copied from each distribution's images). */
class OperatingSystemTest {

    static final OsReleaseAnalyzer A = new OsReleaseAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // path                 | content (\n between lines)                                                  | id            | version  | OSV ecosystem                       | end of life
            "etc/os-release         | ID=debian\\nVERSION_ID=\"12\"\\nVERSION_CODENAME=bookworm                     | debian        | 12       | Debian:12                           | 2028-06-30",
            "etc/os-release         | ID=ubuntu\\nVERSION_ID=\"22.04\"\\nID_LIKE=debian                             | ubuntu        | 22.04    | Ubuntu:22.04:LTS                    | 2027-04-01",
            "etc/os-release         | ID=ubuntu\\nVERSION_ID=\"23.10\"                                              | ubuntu        | 23.10    | Ubuntu:23.10                        | 2024-07-11",
            "etc/os-release         | ID=alpine\\nVERSION_ID=3.20.1                                                 | alpine        | 3.20.1   | Alpine:v3.20                        | 2026-04-01",
            "etc/os-release         | ID=\"rhel\"\\nVERSION_ID=\"9.4\"\\nID_LIKE=\"fedora\"                         | rhel          | 9.4      | Red Hat                             | 2032-05-31",
            "etc/os-release         | ID=\"rocky\"\\nVERSION_ID=\"9.3\"                                             | rocky         | 9.3      | Rocky Linux:9                       | 2032-05-31",
            "etc/os-release         | ID=\"almalinux\"\\nVERSION_ID=\"8.10\"                                        | almalinux     | 8.10     | AlmaLinux:8                         | 2029-03-01",
            "etc/os-release         | ID=\"amzn\"\\nVERSION_ID=\"2023\"                                             | amzn          | 2023     | -                                   | 2029-06-30",
            "etc/os-release         | ID=\"amzn\"\\nVERSION_ID=\"2\"                                                | amzn          | 2        | -                                   | 2026-06-30",
            "etc/os-release         | ID=\"ol\"\\nVERSION_ID=\"8.9\"                                                | ol            | 8.9      | -                                   | 2029-07-31",
            "etc/os-release         | ID=\"sles\"\\nVERSION_ID=\"15.5\"                                             | sles          | 15.5     | SUSE:Linux Enterprise Server 15 SP5 | -",
            "etc/os-release         | ID=\"opensuse-leap\"\\nVERSION_ID=\"15.5\"                                    | opensuse-leap | 15.5     | openSUSE:Leap 15.5                  | 2024-12-31",
            "etc/os-release         | ID=photon\\nVERSION_ID=3.0                                                    | photon        | 3.0      | -                                   | 2024-03-01",
            "etc/os-release         | ID=wolfi\\nNAME=\"Wolfi\"                                                     | wolfi         | ''       | Wolfi                               | -",
            "etc/os-release         | ID=chainguard\\nNAME=\"Chainguard\"                                           | chainguard    | ''       | Chainguard                          | -",
            "etc/os-release         | ID=fedora\\nVERSION_ID=40                                                     | fedora        | 40       | -                                   | 2025-05-13",
            "etc/alpine-release     | 3.18.4                                                                        | alpine        | 3.18.4   | Alpine:v3.18                        | 2025-05-09",
            "etc/debian_version     | 11.9                                                                          | debian        | 11       | Debian:11                           | 2026-08-31",
            "etc/debian_version     | trixie/sid                                                                    | debian        | ''       | Debian                              | -",
            "etc/redhat-release     | Red Hat Enterprise Linux release 8.9 (Ootpa)                                  | rhel          | 8.9      | Red Hat                             | 2029-05-31",
            "etc/centos-release     | CentOS Linux release 7.9.2009 (Core)                                          | centos        | 7.9.2009 | -                                   | 2024-06-30",
            "etc/system-release     | Amazon Linux release 2 (Karoo)                                                | amzn          | 2        | -                                   | 2026-06-30",
            "etc/oracle-release     | Oracle Linux Server release 7.9                                               | ol            | 7.9      | -                                   | 2024-12-31",
            "etc/rocky-release      | Rocky Linux release 8.9 (Green Obsidian)                                      | rocky         | 8.9      | Rocky Linux:8                       | 2029-05-31",
            "etc/lsb-release        | DISTRIB_ID=Ubuntu\\nDISTRIB_RELEASE=20.04\\nDISTRIB_CODENAME=focal            | ubuntu        | 20.04    | Ubuntu:20.04:LTS                    | 2025-04-02",
            "etc/SuSE-release       | SUSE Linux Enterprise Server 12 (x86_64)\\nVERSION = 12\\nPATCHLEVEL = 5      | sles          | 12-SP5   | SUSE:Linux Enterprise Server 12 SP5 | -",
            "etc/photon-release     | VMware Photon OS 4.0\\nPHOTON_BUILD_NUMBER=1526e30ba0                         | photon        | 4.0      | -                                   | -",
    })
    void identifies(String path, String content, String id, String version, String ecosystem, String eol) throws Exception {
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, content.length(), 0644, 0, 0, "", 0);
        assertThat(A.required(path, info)).isTrue();
        OsRelease r = A.analyze(new AnalysisInput(path, info,
                new ByteArrayInputStream(content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)), null));
        OperatingSystem os = OsReleaseAnalyzer.identify(Map.of(path, r), false).orElseThrow();
        assertThat(os.id()).isEqualTo(id);
        assertThat(os.versionId()).isEqualTo(version);
        assertThat(os.ecosystem()).isEqualTo(ecosystem);
        assertThat(os.endOfLife()).isEqualTo(eol);
        assertThat(os.source()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "true  | true",   // distroless: Debian's os-release and /var/lib/dpkg/status.d
            "false | false",
    })
    void distroless(boolean statusD, boolean distroless) {
        OsRelease debian = new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", null);
        OsRelease old = new OsRelease("debian", "12", null, "Debian GNU/Linux 12.5", null);
        OperatingSystem os = OsReleaseAnalyzer.identify(Map.of("etc/os-release", debian, "etc/debian_version", old),
                statusD).orElseThrow();
        assertThat(os.distroless()).isEqualTo(distroless);
        assertThat(os.source()).isEqualTo("etc/os-release"); // os-release wins over debian_version
        assertThat(os.ecosystem()).isEqualTo("Debian:12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2028-06-30T12:00:00Z | false",   // the last day is still supported
            "2028-07-01T00:00:00Z | true",
    })
    void endOfLifeOnTheClock(String now, boolean past) {
        OperatingSystem os = OperatingSystem.of(new OsRelease("debian", "12", null, null, null), false, "etc/os-release");
        assertThat(os.pastEndOfLife(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))).isEqualTo(past);
        OperatingSystem rolling = OperatingSystem.of(new OsRelease("wolfi", "", null, null, null), false, "x");
        assertThat(rolling.pastEndOfLife(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))).isFalse();
    }
}
