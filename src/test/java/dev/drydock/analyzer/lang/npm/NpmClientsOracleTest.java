package dev.drydock.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same project installed by the other clients, fetched by npx from the npm registry: Yarn 1, Yarn 4 (Berry, with
 * the node-modules linker so there is a real tree) and pnpm 9. Each client's own listing is the oracle for its
 * lockfile; npm ls of the installed tree for what Berry installs on Linux.
 */
class NpmClientsOracleTest {

    static final String PACKAGE_JSON = """
            {"name": "oracle", "version": "1.0.0", "private": true,
             "dependencies": {"express": "5.1.0", "lodash": "^4", "debug": "^4", "chalk": "^4", "commander": "^12",
              "axios": "^1", "semver": "^7", "uuid": "^10", "yargs": "^17", "minimist": "^1", "glob": "^7",
              "@babel/parser": "^7"},
             "devDependencies": {"mocha": "^10"}}
            """;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    @BeforeAll
    static void npx() {
        assumeTrue(LangScans.onPath("npx"), "npx is not installed (.ci/install-inventory-tools.sh): skipped");
    }

    private static Path install(String name, String... command) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve("package.json"), PACKAGE_JSON);
        if (name.equals("berry")) {
            Files.writeString(dir.resolve(".yarnrc.yml"), "nodeLinker: node-modules\nenableTelemetry: false\n");
        }
        try {
            LangScans.run(dir, 600, Map.of("COREPACK_ENABLE_STRICT", "0"), command);
        } catch (IOException e) {
            assumeTrue(false, name + " install failed (is the npm registry reachable?): skipped: " + e.getMessage());
        }
        return dir;
    }

    static Set<String> npmLs(Path dir) throws Exception {
        Set<String> out = new TreeSet<>();
        walk(JSON.readTree(LangScans.run(dir, 120, "npm", "ls", "--all", "--json")).path("dependencies"), out);
        return out;
    }

    /** npm ls and pnpm ls trees: name → {version, dependencies}; pnpm also devDependencies and optionalDependencies. */
    private static void walk(JsonNode deps, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String version = e.getValue().path("version").asText("");
            if (!version.isEmpty() && !version.startsWith("link:")) {
                out.add(e.getKey() + "@" + version);
            }
            for (String child : new String[] {"dependencies", "devDependencies", "optionalDependencies"}) {
                walk(e.getValue().path(child), out);
            }
        }
    }

    @Test
    void yarnClassic() throws Exception {
        Path dir = install("yarn1", "npx", "--yes", "yarn@1.22.22", "install", "--non-interactive", "--no-progress",
                "--ignore-engines");
        // yarn list: trees of "name@version", with "shadow" children that are only ranges
        Set<String> yarnList = new TreeSet<>();
        yarnTrees(JSON.readTree(LangScans.run(dir, 120, "npx", "--yes", "yarn@1.22.22", "list", "--json"))
                .path("data").path("trees"), yarnList);
        PackageList lock = LangScans.scan(dir, new YarnLockAnalyzer());
        assertThat(lock.diagnostics()).isEmpty();
        assertThat(yarnList).hasSizeGreaterThan(100);
        assertThat(LangScans.nameAtVersion(lock)).isEqualTo(yarnList);
        // Yarn 1 records no platforms: fsevents (macOS only) is locked but not installed, as npm ls confirms
        Set<String> installed = npmLs(dir);
        Set<String> notInstalled = new TreeSet<>(yarnList);
        notInstalled.removeAll(installed);
        assertThat(notInstalled).allMatch(s -> s.startsWith("fsevents@"));
        assertThat(LangScans.nameAtVersion(LangScans.scan(dir, new NodeModulesAnalyzer()))).isEqualTo(installed);
    }

    private static void yarnTrees(JsonNode trees, Set<String> out) {
        for (JsonNode t : trees) {
            if (!t.path("shadow").asBoolean(false)) {
                out.add(t.path("name").asText());
            }
            yarnTrees(t.path("children"), out);
        }
    }

    @Test
    void yarnBerry() throws Exception {
        Path dir = install("berry", "npx", "--yes", "@yarnpkg/cli-dist@4.5.3", "install");
        PackageList lock = LangScans.scan(dir, new YarnLockAnalyzer());
        assertThat(lock.diagnostics()).isEmpty();
        Set<String> installed = npmLs(dir);
        assertThat(installed).hasSizeGreaterThan(100);
        assertThat(LangScans.nameAtVersion(lock)).isEqualTo(installed);
    }

    @Test
    void pnpm() throws Exception {
        Path dir = install("pnpm", "npx", "--yes", "pnpm@9.15.9", "install");
        Set<String> pnpmLs = new TreeSet<>();
        for (JsonNode project : JSON.readTree(LangScans.run(dir, 120, "npx", "--yes", "pnpm@9.15.9", "ls", "--depth",
                "Infinity", "--json"))) {
            walk(project.path("dependencies"), pnpmLs);
            walk(project.path("devDependencies"), pnpmLs);
        }
        // pnpm ls lists optional packages it skipped for this platform too; node_modules/.modules.yaml names them
        JsonNode modules = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(dir.resolve("node_modules/.modules.yaml").toFile());
        Set<String> skipped = new TreeSet<>();
        modules.path("skipped").forEach(n -> skipped.add(n.asText().replaceFirst("^/", "")));
        assertThat(skipped).allMatch(s -> s.startsWith("fsevents@"));
        pnpmLs.removeAll(skipped);
        PackageList lock = LangScans.scan(dir, new PnpmLockAnalyzer());
        assertThat(lock.diagnostics()).isEmpty();
        assertThat(pnpmLs).hasSizeGreaterThan(100);
        assertThat(LangScans.nameAtVersion(lock)).isEqualTo(pnpmLs);
        // pnpm's node_modules/.pnpm/NAME@VERSION/node_modules/NAME is an installed package too
        assertThat(LangScans.nameAtVersion(LangScans.scan(dir, new NodeModulesAnalyzer()))).isEqualTo(pnpmLs);
    }
}
