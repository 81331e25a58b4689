package dev.drydock.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of small hand-written records: good ones, and every kind of bad input, each counted with its reason. */
class ImporterTest {

    @TempDir
    Path dir;

    static final String LODASH = """
            {"schema_version":"1.4.0","id":"GHSA-TEST-0001","modified":"2024-01-02T03:04:05Z","published":"2020-07-15T00:00:00Z",
             "aliases":["CVE-2020-8203"],"upstream":["CVE-2020-8203","DSA-TEST-1"],"related":["RELATED-1"],
             "summary":"Prototype pollution","details":"long text",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H"}],
             "affected":[{"package":{"ecosystem":"npm","name":"lodash","purl":"pkg:npm/lodash"},
                          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.19"}]}],
                          "versions":["4.17.18"],"ecosystem_specific":{"severity":"HIGH"}},
                         {"package":{"ecosystem":"PyPI","name":"Django_REST.framework"},
                          "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"last_affected":"1.10"}]},
                                    {"type":"GIT","repo":"https://github.com/x/y","events":[{"introduced":"abc"},{"limit":"def"}]}]},
                         {"ranges":[{"type":"GIT","repo":"https://github.com/x/z","events":[{"introduced":"0"}]}]}],
             "references":[{"type":"WEB","url":"https://example.com/web"},{"type":"ADVISORY","url":"https://example.com/adv"}],
             "database_specific":{"severity":"HIGH"}}
            """;

    private DbImporter importer(int maxRecordBytes) {
        return new DbImporter(Clock.systemUTC(), Duration.ofSeconds(5), new GemVersionStandIn(), maxRecordBytes);
    }

    private DbImporter.Result importAll(Path... inputs) {
        return importer(Importer.DEFAULT_MAX_RECORD_BYTES).run(dir.resolve("db/drydock.db"), List.of(inputs), false, () -> { });
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void anOsvRecordIsStoredFieldByField() throws IOException {
        write("GHSA-TEST-0001.json", LODASH);
        DbImporter.Result r = importAll(dir.resolve("in"));
        assertThat(r.total().importedCount()).isEqualTo(1);
        try (VulnDb db = VulnDb.open(dir.resolve("db/drydock.db"))) {
            Advisory a = db.find("npm", "lodash").get(0);
            assertThat(a.id()).isEqualTo("GHSA-TEST-0001");
            assertThat(a.aliases()).containsExactly("CVE-2020-8203", "DSA-TEST-1"); // aliases, then upstream not already there
            assertThat(a.summary()).isEqualTo("Prototype pollution");
            assertThat(a.details()).isEqualTo("long text");
            assertThat(a.modified()).hasToString("2024-01-02T03:04:05Z");
            assertThat(a.withdrawn()).isNull();
            assertThat(a.sourceSeverity()).isEqualTo("HIGH");
            assertThat(a.severity()).containsExactly(new Advisory.Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H"));
            assertThat(a.references()).containsExactly("https://example.com/adv", "https://example.com/web");
            assertThat(a.source()).isEqualTo("osv:npm");
            assertThat(a.knownExploited()).isFalse();
            assertThat(a.affected()).hasSize(2); // the package-less GIT entry has nothing to look up by
            Advisory.Affected npm = a.affected().get(0);
            assertThat(npm.purl()).isEqualTo("pkg:npm/lodash");
            assertThat(npm.versions()).containsExactly("4.17.18");
            assertThat(npm.sourceSeverity()).isEqualTo("HIGH");
            assertThat(npm.ranges()).containsExactly(new Advisory.Range("SEMVER", null,
                    List.of(new Advisory.Event("0", null, null, null), new Advisory.Event(null, "4.17.19", null, null))));
            // PEP 503 at import: the matcher looks PyPI names up normalised
            assertThat(db.find("PyPI", "django-rest-framework")).extracting(Advisory::id).containsExactly("GHSA-TEST-0001");
            assertThat(db.find("PyPI", "Django_REST.framework")).isEmpty();
            Advisory.Affected py = a.affected().get(1);
            assertThat(py.ranges().get(0).events()).containsExactly(new Advisory.Event("1.0", null, null, null),
                    new Advisory.Event(null, null, "1.10", null));
            assertThat(py.ranges().get(1)).isEqualTo(new Advisory.Range("GIT", "https://github.com/x/y",
                    List.of(new Advisory.Event("abc", null, null, null), new Advisory.Event(null, null, null, "def"))));
            // every id it is known by finds it: own id, alias, upstream, related
            for (String id : List.of("GHSA-TEST-0001", "CVE-2020-8203", "DSA-TEST-1", "RELATED-1")) {
                assertThat(db.findById(id)).extracting(Advisory::id).containsExactly("GHSA-TEST-0001");
            }
        }
    }

    @Test
    void yamlRecordsKeepVersionsAsWrittenAndKevFlagsFollowAliases() throws IOException {
        write("PYSEC-TEST-1.yaml", """
                id: PYSEC-TEST-1
                modified: "2021-07-16T01:31:33.917972Z"
                aliases:
                - CVE-2099-0001
                affected:
                - package: {name: Trac, ecosystem: PyPI}
                  ranges:
                  - type: ECOSYSTEM
                    events:
                    - introduced: 0
                    - fixed: 0.10
                  versions: [0.8.4, 1.10, 2]
                """);
        write("kev.json", """
                {"title":"t","catalogVersion":"2099.01.01","dateReleased":"x","count":1,
                 "vulnerabilities":[{"cveID":"CVE-2099-0001","vendorProject":"V","product":"P","vulnerabilityName":"N",
                 "dateAdded":"2099-01-01","dueDate":"2099-01-21","knownRansomwareCampaignUse":"Known"}]}
                """);
        DbImporter.Result r = importAll(dir.resolve("in"));
        assertThat(r.total().kevEntryCount()).isEqualTo(1);
        try (VulnDb db = VulnDb.open(dir.resolve("db/drydock.db"))) {
            Advisory a = db.find("PyPI", "trac").get(0);
            assertThat(a.affected().get(0).ranges().get(0).events()).extracting(e -> e.introduced() != null ? e.introduced() : e.fixed())
                    .containsExactly("0", "0.10");
            assertThat(a.affected().get(0).versions()).containsExactly("0.8.4", "1.10", "2");
            assertThat(a.knownExploited()).isTrue();
            assertThat(db.status().kevEntries()).isEqualTo(1);
        }
    }

    @Test
    void badRecordsAreSkippedWithTheirReasonAndTheRestImported() throws IOException {
        write("good.json", LODASH);
        write("bad.json", "{\"id\": \"GHSA-x\", \"affected\": [");
        write("noid.json", "{\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[]}");
        write("blank-id.json", "{\"id\":\"  \",\"modified\":\"2024-01-01T00:00:00Z\"}");
        write("empty.json", "");
        write("array.json", "[1,2,3]");
        write("bad.yaml", "id: [unclosed\n");
        write("dupkey.yaml", "id: A\nid: B\nmodified: x\n");
        write("bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n");
        write("notes.txt", "hello");
        DbImporter.Result r = importAll(dir.resolve("in"));
        ImportStats s = r.total();
        assertThat(s.importedCount()).isEqualTo(1);
        assertThat(s.readCount()).isEqualTo(10);
        assertThat(s.skipped()).containsOnly(
                Map.entry("invalid JSON", 2L),          // bad.json, empty.json
                Map.entry("invalid YAML", 2L),          // bad.yaml, dupkey.yaml
                Map.entry("OSV record without an id", 2L),
                // array.json; bomb.yaml: aliases are not expanded, so it is a small document of strings
                Map.entry("not an OSV, RubySec, FriendsOfPHP or KEV document", 2L),
                Map.entry("not an advisory file (not .json, .yaml or .yml)", 1L));
        assertThat(s.examples("invalid JSON")).anySatisfy(e -> assertThat(e).startsWith("bad.json: invalid JSON at line 1"));
        assertThat(s.examples("invalid YAML")).anySatisfy(e -> assertThat(e).contains("dupkey.yaml: invalid YAML at line 2").containsIgnoringCase("duplicate"));
        assertThat(String.join("\n", s.summary())).contains("skipped 2: invalid JSON (e.g. bad.json: invalid JSON at line 1");
    }

    @Test
    void aRecordLargerThanTheLimitIsSkippedInDirectoriesAndZips() throws IOException {
        write("big.json", LODASH.replace("long text", "x".repeat(5000)));
        write("small.json", LODASH.replace("GHSA-TEST-0001", "GHSA-TEST-0002"));
        Path zip = dir.resolve("all.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("GHSA-TEST-0003.json"));
            z.write(LODASH.replace("GHSA-TEST-0001", "GHSA-TEST-0003").replace("long text", "y".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("GHSA-TEST-0004.json"));
            z.write(LODASH.replace("GHSA-TEST-0001", "GHSA-TEST-0004").getBytes(StandardCharsets.UTF_8));
        }
        DbImporter.Result r = importer(4096).run(dir.resolve("db/drydock.db"), List.of(dir.resolve("in"), zip), false, () -> { });
        assertThat(r.total().importedCount()).isEqualTo(2);
        assertThat(r.total().skipped()).containsOnly(Map.entry("larger than 4096 bytes (the limit for one record)", 2L));
    }

    @Test
    void aTruncatedZipFailsTheImportAndKeepsTheOldDatabase() throws IOException {
        write("GHSA-TEST-0001.json", LODASH);
        importAll(dir.resolve("in"));
        Path db = dir.resolve("db/drydock.db");
        byte[] before = Files.readAllBytes(db);

        Path zip = zipOf(Map.of("a.json", LODASH.replace("GHSA-TEST-0001", "GHSA-TEST-0009")));
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> importAll(truncated)).isInstanceOf(InputException.class)
                .hasMessageContaining("truncated.zip: not a valid zip (truncated or corrupt")
                .hasMessageContaining("the existing database is unchanged");

        Path flipped = dir.resolve("flipped.zip"); // one byte of the compressed data changed: CRC or inflate error
        byte[] f = bytes.clone();
        f[45] ^= 0x55;
        Files.write(flipped, f);
        assertThatThrownBy(() -> importAll(flipped)).isInstanceOf(InputException.class).hasMessageContaining("flipped.zip");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("npm", "lodash")).extracting(Advisory::id).containsExactly("GHSA-TEST-0001");
        }
        try (var files = Files.list(dir.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("drydock.db", "drydock.db.lock");
        }
    }

    @Test
    void importingAgainReplacesThatPathAndKeepsOthers() throws IOException {
        Path a = write("a/one.json", LODASH);
        Path b = write("b/two.json", LODASH.replace("GHSA-TEST-0001", "GHSA-TEST-0002"));
        importAll(a.getParent());
        importAll(b.getParent());
        Path db = dir.resolve("db/drydock.db");
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("npm", "lodash")).extracting(Advisory::id).containsExactly("GHSA-TEST-0001", "GHSA-TEST-0002");
            assertThat(v.status().sources()).hasSize(2);
        }
        Files.writeString(a, LODASH.replace("Prototype pollution", "Changed"));
        importAll(a.getParent());
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("npm", "lodash")).extracting(Advisory::summary).containsExactlyInAnyOrder("Prototype pollution", "Changed");
        }
        importer(Importer.DEFAULT_MAX_RECORD_BYTES).run(db, List.of(b.getParent()), true, () -> { });
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("npm", "lodash")).extracting(Advisory::id).containsExactly("GHSA-TEST-0002");
        }
    }

    @Test
    void theSameRecordTwiceInOneSourceIsStoredOnceNewestWins() throws IOException {
        write("x/GHSA-TEST-0001.json", LODASH);
        write("y/GHSA-TEST-0001.json", LODASH.replace("2024-01-02T03:04:05Z", "2025-01-01T00:00:00Z").replace("Prototype pollution", "newer"));
        write("z/GHSA-TEST-0001.json", LODASH.replace("Prototype pollution", "older copy"));
        DbImporter.Result r = importAll(dir.resolve("in"));
        assertThat(r.total().importedCount()).isEqualTo(1);
        assertThat(r.total().duplicateCount()).isEqualTo(2);
        try (VulnDb v = VulnDb.open(dir.resolve("db/drydock.db"))) {
            assertThat(v.find("npm", "lodash")).extracting(Advisory::summary).containsExactly("newer");
        }
    }

    @Test
    void missingPathsAndMissingDatabasesSayWhatToDo() {
        assertThatThrownBy(() -> importAll(dir.resolve("nope"))).isInstanceOf(InputException.class)
                .hasMessageContaining("nope: no such file or directory");
        assertThatThrownBy(() -> VulnDb.open(dir.resolve("none/drydock.db"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no vulnerability database at").hasMessageContaining("drydock db update")
                .hasMessageContaining("drydock db import");
    }

    @Test
    void aFileThatIsNotADatabaseOrHasAnotherSchemaIsRefusedClearly() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not sqlite at all, just text that is long enough to be a header........");
        assertThatThrownBy(() -> VulnDb.open(junk)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a drydock vulnerability database");
        write("GHSA-TEST-0001.json", LODASH);
        importAll(dir.resolve("in"));
        Path db = dir.resolve("db/drydock.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> VulnDb.open(db)).isInstanceOf(InputException.class)
                .hasMessageContaining("schema version 999, this drydock reads version " + Schema.VERSION);
    }

    private Path zipOf(Map<String, String> entries) throws IOException {
        Path zip = Files.createTempFile(dir, "z", ".zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }
}
