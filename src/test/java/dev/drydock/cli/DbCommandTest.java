package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code drydock db import|update|status} in one JVM: output, exit codes, and messages without stack traces. */
class DbCommandTest {

    static final Path FEEDS = Path.of("src/test/resources/vulndb/feeds");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String db() {
        return dir.resolve("db/drydock.db").toString();
    }

    @Test
    void statusWithoutADatabaseSaysHowToGetOne() {
        assertThat(run("db", "status", "--db", db())).isEqualTo(ExitCodes.INPUT);
        assertThat(stderr()).contains("no vulnerability database at " + db())
                .contains("'drydock db update'").contains("'drydock db import DIR|ZIP...'").doesNotContain("Exception");
    }

    @Test
    void importPrintsCountsAndStatusShowsThem() throws IOException {
        // RubySec needs RubyGems' version ordering to convert its requirements; until the scheme is in the build the
        // record is skipped, with that reason
        boolean ruby = dev.drydock.version.VersionSchemes.forEcosystem("RubyGems").isPresent();
        long n = ruby ? 3 : 2;
        assertThat(run("db", "import", "--db", db(), FEEDS.toString())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("read 5, imported " + n + ", merged into those 0, duplicates 0, KEV entries 1, skipped " + (5 - 1 - n))
                .containsPattern("npm +1").containsPattern("Packagist +1")
                .contains("not an advisory file (not .json, .yaml or .yml) (e.g. README.txt)")
                .contains("database: " + db());
        if (ruby) {
            assertThat(stdout()).containsPattern("RubyGems +1");
        } else {
            assertThat(stdout()).contains("RubySec advisory: this build has no RubyGems version scheme to order its bounds"
                    + " (e.g. rubysec/gems/rack/CVE-2099-0002.yml)");
        }

        assertThat(run("db", "status", "--db", db())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("Database:  " + db()).contains("Schema:    version 1").contains("Records:   " + n + "; KEV entries: 1")
                .contains("import:" + FEEDS.toAbsolutePath().normalize()).containsPattern("npm +1 +1");

        assertThat(run("db", "status", "--db", db(), "--format", "json")).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.get("records").asLong()).isEqualTo(n);
        assertThat(j.get("kevEntries").asLong()).isEqualTo(1);
        assertThat(j.get("ecosystems").findValuesAsText("ecosystem")).contains("Packagist", "npm");
        assertThat(j.get("sources").get(0).get("kind").asText()).isEqualTo("import");
        assertThat(j.get("ageSeconds").asLong()).isBetween(0L, 600L);
    }

    @Test
    void badArgumentsAndInputsGiveExitCodesNotStackTraces() throws IOException {
        assertThat(run("db")).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("missing subcommand");
        assertThat(run("db", "import", "--db", db(), dir.resolve("nope").toString())).isEqualTo(ExitCodes.INPUT);
        assertThat(stderr()).contains("nope: no such file or directory");
        Path bad = dir.resolve("bad.zip");
        Files.writeString(bad, "PK not really");
        assertThat(run("db", "import", "--db", db(), bad.toString())).isEqualTo(ExitCodes.INPUT);
        assertThat(stderr()).contains("bad.zip: not a valid zip").doesNotContain("at dev.drydock");
        assertThat(run("db", "update", "--db", db(), "--base-url", "ftp://example.com")).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("--base-url: 'ftp://example.com' is not an http(s) URL");
        assertThat(run("db", "status", "--db", db(), "--format", "xml")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void updateFromAMirrorGivenOnTheCommandLineOrInTheConfig() throws IOException {
        byte[] zip;
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("GHSA-TEST-0001.json"));
            z.write(Files.readAllBytes(FEEDS.resolve("osv/npm/GHSA-TEST-0001.json")));
            z.finish();
            zip = b.toByteArray();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/npm/all.zip", ex -> {
            try (ex) {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                } else {
                    ex.sendResponseHeaders(200, zip.length);
                    ex.getResponseBody().write(zip);
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(run("db", "update", "--db", db(), "--base-url", base, "--no-kev", "-e", "npm")).isEqualTo(ExitCodes.OK);
            assertThat(stdout()).containsPattern("osv:npm +downloaded +1 records").contains("(rebuilt)");
            assertThat(stderr()).contains("drydock: checking " + base + "/npm/all.zip");

            Path cfg = dir.resolve("drydock.yaml");
            Files.writeString(cfg, "db:\n  osv-base-url: " + base + "\n  kev-url: none\n  ecosystems: [npm]\n");
            assertThat(run("db", "update", "--db", db(), "--config", cfg.toString())).isEqualTo(ExitCodes.OK);
            assertThat(stdout()).containsPattern("osv:npm +unchanged +1 records").contains("unchanged: every feed answered 304");

            Files.writeString(cfg, "db:\n  osv-base: typo\n");
            assertThat(run("db", "update", "--db", db(), "--config", cfg.toString())).isEqualTo(ExitCodes.INPUT);
            assertThat(stderr()).contains("unknown key db.osv-base (known: osv-base-url, kev-url, ecosystems)");
        } finally {
            server.stop(0);
        }
    }
}
