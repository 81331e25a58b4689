package dev.drydock.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.os.OsRelease;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsReleaseAnalyzerTest {

    static final OsReleaseAnalyzer A = new OsReleaseAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "etc/os-release       | true",
            "usr/lib/os-release   | true",
            "etc/os-release.bak   | false",   // near misses
            "usr/etc/os-release   | false",
            "etc/lsb-release      | true",    // older release files, since version 2
            "etc/alpine-release   | true",
            "etc/lsb-release.d/x  | false",
    })
    void required(String path, boolean wanted) {
        assertThat(A.required(path, new FileInfo(path, FileInfo.Type.FILE, 10, 0644, 0, 0, "", 0))).isEqualTo(wanted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // file (\n between lines)                                                      | id      | version
            "ID=alpine\\nVERSION_ID=3.20.1\\nPRETTY_NAME=\"Alpine Linux v3.20\"            | alpine  | 3.20.1",
            "# comment\\nID=\"rocky\"\\nID_LIKE=\"rhel centos fedora\"\\nVERSION_ID=\"9.4\" | rocky   | 9.4",
            "ID='arch'\\nBUILD_ID=rolling                                                   | arch    | ''",
            "NAME=\"no id\"                                                                  |         | ",
    })
    void parses(String file, String id, String version) throws Exception {
        String text = file.replace("\\n", "\n");
        OsRelease r = A.analyze(new AnalysisInput("etc/os-release", null,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null));
        if (id == null) {
            assertThat(r).isNull();
        } else {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.versionId()).isEqualTo(version == null ? "" : version);
        }
        if ("rocky".equals(id)) {
            assertThat(r.idLike()).isEqualTo(List.of("rhel", "centos", "fedora"));
        }
    }
}
