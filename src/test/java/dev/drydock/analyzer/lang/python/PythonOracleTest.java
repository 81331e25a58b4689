package dev.drydock.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Python environments on this machine (PyPI is not reachable from the test machines, so nothing is installed for
 * the test): {@code pip list --path SITE --format json} is the oracle for what the metadata analyzer finds there.
 */
class PythonOracleTest {

    @Test
    void sitePackagesEqualPipList() throws Exception {
        String site;
        try {
            site = LangScans.run(Path.of("."), 60, "python3", "-c",
                    "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip();
            LangScans.run(Path.of("."), 60, "python3", "-m", "pip", "--version");
        } catch (IOException e) {
            assumeTrue(false, "python3 with pip is not installed: skipped: " + e.getMessage());
            return;
        }
        check(Path.of(site));
        Path debian = Path.of("/usr/lib/python3/dist-packages");
        if (Files.isDirectory(debian)) {
            check(debian);
        }
    }

    private static void check(Path site) throws Exception {
        Set<String> oracle = new TreeSet<>();
        for (JsonNode p : new ObjectMapper().readTree(LangScans.run(Path.of("."), 120, "python3", "-m", "pip", "list",
                "--path", site.toString(), "--format", "json"))) {
            oracle.add(PythonPackages.normalise(p.path("name").asText()) + "@" + p.path("version").asText());
        }
        assumeTrue(!oracle.isEmpty(), site + " holds no distributions: skipped");
        PackageList found = LangScans.scan(site, new PythonMetadataAnalyzer());
        assertThat(found.diagnostics()).isEmpty();
        Set<String> ours = new TreeSet<>();
        found.packages().forEach(p -> ours.add(PythonPackages.normalise(p.name()) + "@" + p.version()));
        assertThat(ours).as(site.toString()).isEqualTo(oracle);
    }
}
