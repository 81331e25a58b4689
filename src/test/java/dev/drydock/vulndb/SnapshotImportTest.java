package dev.drydock.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the whole real snapshot ({@code ../shared/vulndb}, see its README) once and checks that every advisory in it
 * went in, that what was skipped is exactly what is not an advisory, and that known records are found as the
 * matcher will look them up. Expected counts are the README's ("files" column) and {@code ls | wc -l} of each folder.
 */
class SnapshotImportTest {

    @TempDir
    static Path dir;

    static DbImporter.Result result;
    static VulnDb db;

    @BeforeAll
    static void importSnapshot() {
        Path snapshot = SharedData.vulndb();
        Path file = dir.resolve("db").resolve("drydock.db");
        result = new DbImporter(Clock.systemUTC(), Duration.ofSeconds(10), GemVersionStandIn.rubyGems(), Importer.DEFAULT_MAX_RECORD_BYTES)
                .run(file, List.of(snapshot), false, () -> { });
        db = VulnDb.open(file);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyAdvisoryIsImportedAndEveryFileAccountedFor() {
        ImportStats s = result.total();
        // 12,940 files: 12,930 data files + README.md, sources.json, SHA256SUMS and 7 licence texts
        assertThat(s.readCount()).isEqualTo(12_940);
        assertThat(s.readCount()).isEqualTo(s.importedCount() + s.mergedCount() + s.duplicateCount() + s.kevFileCount() + s.skippedCount());
        // Go 4,291 + crates.io 1,206 + PyPI 2,661 YAML + AlmaLinux 1,780 + 12 GHSA + 1 Ubuntu + RubySec gems 1,234 + FriendsOfPHP 1,592
        assertThat(s.importedCount() + s.mergedCount()).isEqualTo(4_291 + 1_206 + 2_661 + 1_780 + 12 + 1 + 1_234 + 1_592);
        // RubySec has one file per gem: 60 files name a CVE another gem's file already has (Rails' gems); merged
        assertThat(s.mergedCount()).isEqualTo(60);
        assertThat(s.duplicateCount()).isZero();
        assertThat(s.kevEntryCount()).isEqualTo(1_404);
        assertThat(s.skipped()).containsOnly(
                Map.entry("Ruby interpreter advisory (rubies/): OSV has no ecosystem for Ruby engines", 147L),
                Map.entry("a JSON schema, not an advisory", 1L),                       // kev/…_schema.json
                Map.entry("an NVD CVE record (not OSV; drydock does not import NVD)", 2L), // nvd/*.json
                Map.entry("not an OSV, RubySec, FriendsOfPHP or KEV document", 1L),    // sources.json (provenance)
                // README.md, SHA256SUMS, 7 licence texts, the Debian tracker's DSA and DLA list files
                Map.entry("not an advisory file (not .json, .yaml or .yml)", 11L));
        assertThat(s.examples("not an OSV, RubySec, FriendsOfPHP or KEV document")).containsExactly("sources.json");
    }

    @Test
    void countsPerEcosystem() {
        Map<String, Long> per = result.total().perEcosystem();
        assertThat(per).containsEntry("Go", 4_291L).containsEntry("crates.io", 1_206L)
                .containsEntry("PyPI", 2_662L) // 2,661 PYSEC + GHSA-j8r2-6x86-q33q
                .containsEntry("AlmaLinux:9", 1_780L).containsEntry("Maven", 7L).containsEntry("npm", 3L)
                .containsEntry("NuGet", 1L).containsEntry("RubyGems", 1_174L) // 1,234 files, 60 merged.containsEntry("Packagist", 1_592L)
                .containsEntry("Ubuntu:22.04:LTS", 1L);
        DbStatus status = db.status();
        assertThat(status.schemaVersion()).isEqualTo(Schema.VERSION);
        assertThat(status.kevEntries()).isEqualTo(1_404);
        assertThat(status.ecosystems()).contains(new DbStatus.EcosystemCount("Go", 4_291, status.ecosystems().stream()
                .filter(e -> e.ecosystem().equals("Go")).findFirst().orElseThrow().packages()));
        assertThat(status.sources()).singleElement().satisfies(src -> {
            assertThat(src.kind()).isEqualTo("import");
            assertThat(src.records()).isEqualTo(result.total().importedCount());
        });
    }

    @Test
    void log4ShellIsFoundByPackageAndById() {
        List<Advisory> found = db.find("Maven", "org.apache.logging.log4j:log4j-core");
        assertThat(found).extracting(Advisory::id).contains("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");
        Advisory a = found.stream().filter(x -> x.id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElseThrow();
        assertThat(a.aliases()).containsExactly("CVE-2021-44228");
        assertThat(a.knownExploited()).isTrue(); // CVE-2021-44228 is in the KEV snapshot
        assertThat(a.sourceSeverity()).isEqualTo("CRITICAL");
        assertThat(a.severity()).extracting(Advisory.Severity::type).contains("CVSS_V3");
        assertThat(a.affected()).hasSize(3).allSatisfy(af -> assertThat(af.ecosystem()).isEqualTo("Maven"));
        assertThat(a.affected()).flatExtracting(Advisory.Affected::ranges).flatExtracting(Advisory.Range::events)
                .extracting(Advisory.Event::fixed).contains("2.15.0", "2.12.2", "2.3.1");
        assertThat(db.findById("CVE-2021-44228")).extracting(Advisory::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(db.find("Maven", "org.apache.logging.log4j:log4j-api")).isEmpty();
        assertThat(db.find("maven", "org.apache.logging.log4j:log4j-core")).as("ecosystem matched exactly").isEmpty();
    }

    @Test
    void pypiNamesAreNormalisedAndYamlVersionsKeptAsWritten() {
        assertThat(db.find("PyPI", "requests")).extracting(Advisory::id).contains("GHSA-j8r2-6x86-q33q", "PYSEC-2023-74");
        // PYSEC-2005-1 (YAML): `fixed: "0.10"` and an unquoted `0.8.4`; a YAML number would have made 0.10 into 0.1
        Advisory trac = db.findById("PYSEC-2005-1").get(0);
        Advisory.Affected af = trac.affected().get(0);
        assertThat(af.name()).isEqualTo("trac");
        assertThat(af.ranges().get(0).events()).extracting(Advisory.Event::fixed).contains("0.10");
        assertThat(af.versions()).containsExactly("0.8.4", "0.9");
        for (DbStatus.EcosystemCount e : db.status().ecosystems()) {
            if (e.ecosystem().equals("PyPI")) {
                assertThat(e.packages()).isPositive();
            }
        }
    }

    @Test
    void almaLinuxRelatedCvesAreIndexedAndRatingsKept() {
        List<Advisory> openssl = db.find("AlmaLinux:9", "openssl");
        assertThat(openssl).isNotEmpty().allSatisfy(a -> assertThat(a.id()).startsWith("ALSA-"));
        assertThat(openssl).extracting(Advisory::sourceSeverity).containsAnyOf("Important", "Moderate", "Low", "Critical");
        // AlmaLinux puts CVE ids in `related`: still findable by CVE, and the KEV flag follows them
        Advisory first = openssl.get(0);
        assertThat(first.aliases()).isEmpty();
        assertThat(db.status().ecosystems()).extracting(DbStatus.EcosystemCount::ecosystem).contains("AlmaLinux:9", "AlmaLinux:8");
    }

    @Test
    void goStdlibAndWithdrawnRecordsAreKept() {
        assertThat(db.find("Go", "stdlib")).hasSizeGreaterThan(100);
        assertThat(db.find("Go", "stdlib").stream().filter(a -> a.withdrawn() != null)).as("withdrawn kept for the matcher").isNotNull();
        assertThat(db.find("crates.io", "openssl")).isNotEmpty().allSatisfy(a -> assertThat(a.source()).isEqualTo("osv:crates.io"));
    }

    @Test
    void rubySecAndFriendsOfPhpAreConverted() {
        // rubysec/gems/resque/CVE-2023-50725.yml: patched_versions [">= 2.2.1"]
        Advisory resque = db.find("RubyGems", "resque").stream().filter(a -> a.id().equals("CVE-2023-50725")).findFirst().orElseThrow();
        assertThat(resque.aliases()).containsExactly("GHSA-gc3j-vvwf-4rp8");
        assertThat(resque.source()).isEqualTo("rubysec");
        assertThat(resque.sourceSeverity()).isEqualTo("medium"); // cvss_v3: 6.3
        assertThat(resque.affected().get(0).ranges()).singleElement().satisfies(r ->
                assertThat(r.events()).containsExactly(new Advisory.Event("0", null, null, null), new Advisory.Event(null, "2.2.1", null, null)));
        // friendsofphp/cakephp/cakephp/2015-08-06.yaml: eight branches
        Advisory cake = db.findById("FRIENDSOFPHP-cakephp/cakephp/2015-08-06").get(0);
        assertThat(cake.affected()).singleElement().satisfies(af -> {
            assertThat(af.ecosystem()).isEqualTo("Packagist");
            assertThat(af.name()).isEqualTo("cakephp/cakephp");
            assertThat(af.ranges()).hasSize(8);
            assertThat(af.ranges().get(7).events()).containsExactly(new Advisory.Event("2.7.0", null, null, null),
                    new Advisory.Event(null, "2.7.2", null, null));
        });
    }

    @Test
    void aThousandLookupsRunOnOneStore() {
        // correctness of repeated and concurrent lookups (speed is measured in bench/, never in tests)
        List<String> names = db.find("Go", "stdlib").isEmpty() ? List.of() : List.of("stdlib", "golang.org/x/net", "nonexistent/module");
        names.parallelStream().forEach(n -> {
            for (int i = 0; i < 300; i++) {
                assertThat(db.find("Go", n)).isEqualTo(db.find("Go", n));
            }
        });
    }
}
