package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.drydock.image.TestImages;
import dev.drydock.match.TestVulnDbs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drydock fs} and {@code drydock image}: the table grouped by target, JSON, SARIF (checked against the SARIF
 * 2.1.0 schema when ../shared is there), the CI exit code, filters, and a scan without a database.
 */
class ScanCommandsTest {

    @TempDir
    static Path shared;
    static Path db;
    static Path app;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    static final String TOKEN = "ghp_" + "Vb6Nm3Tc8Ys5Gf0Je2UaQh7Zr2Lk9Wd4Xp1L";

    @BeforeAll
    static void build() throws Exception {
        String lodash = "{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-p6mc-m468-83gw\",\"modified\":\"2024-01-01T00:00:00Z\","
                + "\"aliases\":[\"CVE-2020-8203\"],\"summary\":\"Prototype Pollution in lodash\","
                + "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H\"}],"
                + "\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"lodash\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[{\"introduced\":\"3.7.0\"},{\"fixed\":\"4.17.19\"}]}]}]}";
        String minimist = "{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-xvch-5gv4-984h\",\"modified\":\"2024-01-01T00:00:00Z\","
                + "\"aliases\":[\"CVE-2021-44906\"],\"summary\":\"Prototype Pollution in minimist\","
                + "\"database_specific\":{\"severity\":\"CRITICAL\"},"
                + "\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"minimist\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.2.6\"}]}]}]}";
        String unfixed = "{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-unfi-xed0-0000\",\"modified\":\"2024-01-01T00:00:00Z\","
                + "\"summary\":\"Unfixed issue in left-pad\",\"database_specific\":{\"severity\":\"LOW\"},"
                + "\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"left-pad\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[{\"introduced\":\"0\"}]}]}]}";
        TestVulnDbs.of(shared, Map.of("lodash.json", lodash, "minimist.json", minimist, "unfixed.json", unfixed)).close();
        db = shared.resolve("drydock.db");
        app = Files.createDirectories(shared.resolve("tree").resolve("app"));
        Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"lockfileVersion\":3,"
                + "\"packages\":{\"\":{\"name\":\"app\",\"version\":\"1.0.0\"},"
                + "\"node_modules/lodash\":{\"version\":\"4.17.15\"},\"node_modules/minimist\":{\"version\":\"1.2.5\"},"
                + "\"node_modules/left-pad\":{\"version\":\"1.3.0\"},\"node_modules/express\":{\"version\":\"4.18.2\"}}}");
        Files.writeString(app.resolve("settings.ini"), "github_token = " + TOKEN + "\n");
    }

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

    @Test
    void fsTableGroupedByTarget() {
        int code = run("fs", "--db", db.toString(), "--skip-db-update", shared.resolve("tree").toString());
        assertThat(code).as(stderr()).isZero();
        String table = stdout();
        assertThat(table).contains("app/package-lock.json", "app/settings.ini")
                .contains("Total: 4 findings (CRITICAL: 2, HIGH: 1, MEDIUM: 0, LOW: 1, UNKNOWN: 0)")
                .containsPattern("CRITICAL +CVE-2021-44906 +minimist +fixed +1\\.2\\.5 +1\\.2\\.6 +Prototype Pollution in minimist")
                .containsPattern("HIGH +CVE-2020-8203 +lodash +fixed +4\\.17\\.15 +4\\.17\\.19")
                .containsPattern("LOW +GHSA-unfi-xed0-0000 +left-pad +affected +1\\.3\\.0 +- +Unfixed")
                .contains("github-pat").doesNotContain(TOKEN);
    }

    @Test
    void filtersAndExitCodes() {
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--fail-on", "critical",
                shared.resolve("tree").toString())).isEqualTo(1);
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--exit-code", "5", "--fail-on", "high",
                "--scanners", "vuln", shared.resolve("tree").toString())).isEqualTo(5);
        // only low and unknown reported: nothing at high or above fails
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--exit-code", "5", "--fail-on", "high",
                "--severity", "low,unknown", shared.resolve("tree").toString())).isZero();
        assertThat(stdout()).contains("left-pad").doesNotContain("minimist");
        // unfixed ones left out
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--ignore-unfixed", "--scanners", "vuln",
                "--exit-code", "3", "--fail-on", "low", shared.resolve("tree").toString())).isEqualTo(3);
        assertThat(stdout()).contains("lodash", "minimist").doesNotContain("left-pad");
        // without a threshold (none on the command line nor in a .drydock.yaml) nothing fails
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--exit-code", "3",
                shared.resolve("tree").toString())).isZero();
        // bad options are usage errors
        assertThat(run("fs", "--scanners", "vuln,bogus", shared.resolve("tree").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("unknown scanner 'bogus'");
        assertThat(run("fs", "--fail-on", "severe", shared.resolve("tree").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("fs", dir.resolve("nope").toString())).isEqualTo(ExitCodes.INPUT);
        assertThat(stderr()).contains("no such directory");
    }

    @Test
    void withoutADatabaseTheOtherScannersStillRun() {
        int code = run("fs", "--db", dir.resolve("absent.db").toString(), "--fail-on", "low", shared.resolve("tree").toString());
        assertThat(stderr()).contains("no vulnerability database at " + dir.resolve("absent.db"), "drydock db update",
                "drydock db import");
        assertThat(stdout()).contains("github-pat").doesNotContain("lodash  ").contains("Diagnostics\n  vulnerabilities not scanned");
        assertThat(code).isEqualTo(1); // the secret
    }

    @Test
    void jsonAndSarif() throws Exception {
        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--format", "json", shared.resolve("tree").toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("findings")).hasSize(4);
        JsonNode first = json.path("findings").get(0);
        assertThat(first.path("id").asText()).isEqualTo("CVE-2021-44906");
        assertThat(first.path("vulnerability").path("fixedVersions").get(0).asText()).isEqualTo("1.2.6");
        assertThat(json.path("inventory").path("packages").get(0).has("files")).isFalse();
        assertThat(stdout()).doesNotContain(TOKEN);

        assertThat(run("fs", "--db", db.toString(), "--skip-db-update", "--format", "sarif", shared.resolve("tree").toString())).isZero();
        JsonNode sarif = new ObjectMapper().readTree(stdout());
        assertThat(sarif.path("runs").get(0).path("results")).hasSize(4);
        assertThat(stdout()).doesNotContain(TOKEN);
        Path schema = TestVulnDbs.shared().resolve("schemas").resolve("sarif-schema-2.1.0.json");
        if (Files.isRegularFile(schema)) {
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(schema));
            assertThat(s.validate(sarif)).isEmpty();
        }
    }

    @Test
    void imageCommand() throws Exception {
        Path image = TestImages.dockerArchive()
                .layer(TestImages.layer().file("app/package-lock.json", Files.readString(app.resolve("package-lock.json"))),
                        "COPY app /app")
                .writeTo(dir.resolve("img.tar"));
        int code = run("image", "--db", db.toString(), "--skip-db-update", "--no-cache", "--fail-on", "critical",
                "docker-archive:" + image);
        assertThat(code).as(stderr()).isEqualTo(1);
        assertThat(stdout()).contains("app/package-lock.json").containsPattern("CRITICAL +CVE-2021-44906 +minimist");
        assertThat(run("image", "--offline", "registry.example.com/app:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("--offline", "needs the network");
    }

    @Test
    void aStaleDatabaseIsNotedWhenUpdatesAreOff() {
        ScanOptions o = new ScanOptions();
        o.db = db;
        o.offline = true;
        java.util.List<String> notes = new java.util.ArrayList<>();
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(49));
        try (var opened = o.openDb(java.util.EnumSet.of(dev.drydock.scan.Scanner.Kind.VULN), notes, System.err, later)) {
            assertThat(opened).isNotNull();
        }
        assertThat(notes).singleElement().asString().contains("is 2 days old", "drydock db update");
        // fresh: nothing to say; vulnerabilities not asked for: not even opened
        notes.clear();
        try (var opened = o.openDb(java.util.EnumSet.of(dev.drydock.scan.Scanner.Kind.VULN), notes, System.err,
                java.time.Clock.systemUTC())) {
            assertThat(opened).isNotNull();
        }
        assertThat(notes).isEmpty();
        assertThat(o.openDb(java.util.EnumSet.of(dev.drydock.scan.Scanner.Kind.SECRET), notes, System.err,
                java.time.Clock.systemUTC())).isNull();
    }
}
