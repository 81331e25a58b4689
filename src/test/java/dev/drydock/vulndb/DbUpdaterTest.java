package dev.drydock.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db update} against a real HTTP server on 127.0.0.1 ({@link OsvMirror}) serving zips made from the real
 * snapshot's folders, as osv.dev serves {@code <Ecosystem>/all.zip}.
 */
class DbUpdaterTest {

    static final List<String> ECOS = List.of("Go", "crates.io", "Maven", "npm");
    static byte[] go;
    static byte[] crates;
    static byte[] maven;
    static byte[] npm;
    static byte[] kev;

    @TempDir
    Path dir;
    OsvMirror mirror;
    Path db;
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void zips() throws IOException {
        Path snapshot = SharedData.vulndb();
        go = OsvMirror.zipOf(snapshot.resolve("osv/Go"));
        crates = OsvMirror.zipOf(snapshot.resolve("osv/crates.io"));
        maven = OsvMirror.zipOf(snapshot.resolve("osv/Maven"));
        npm = OsvMirror.zipOf(snapshot.resolve("osv/npm"));
        kev = Files.readAllBytes(snapshot.resolve("kev/known_exploited_vulnerabilities.json"));
    }

    @BeforeEach
    void serve() throws IOException {
        mirror = new OsvMirror();
        mirror.put("/Go/all.zip", go);
        mirror.put("/crates.io/all.zip", crates);
        mirror.put("/Maven/all.zip", maven);
        mirror.put("/npm/all.zip", npm);
        mirror.put("/kev.json", kev);
        db = dir.resolve("cache/db/drydock.db");
    }

    @AfterEach
    void stop() {
        mirror.close();
    }

    DbUpdater updater(Duration lockTimeout) {
        return new DbUpdater(mirror.baseUrl() + "/", mirror.baseUrl() + "/kev.json", DbUpdater.DEFAULT_MAX_DOWNLOAD_BYTES,
                Duration.ofSeconds(20), lockTimeout, Clock.systemUTC(), progress::add);
    }

    DbUpdater.Result update() {
        return updater(Duration.ofSeconds(60)).update(db, ECOS);
    }

    @Test
    void firstUpdateDownloadsEverythingAndTheDatabaseAnswers() {
        DbUpdater.Result r = update();
        assertThat(r.rebuilt()).isTrue();
        assertThat(r.feeds()).extracting(DbUpdater.FeedResult::source)
                .containsExactly("osv:Go", "osv:crates.io", "osv:Maven", "osv:npm", "kev");
        assertThat(r.feeds()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(DbUpdater.Outcome.DOWNLOADED));
        assertThat(r.feeds()).extracting(DbUpdater.FeedResult::records).containsExactly(4_291L, 1_206L, 7L, 3L, 0L);
        assertThat(r.imported().kevEntryCount()).isEqualTo(1_404);
        assertThat(r.imported().skippedCount()).isZero();
        try (VulnDb v = VulnDb.open(db)) {
            Advisory log4shell = v.find("Maven", "org.apache.logging.log4j:log4j-core").stream()
                    .filter(a -> a.id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElseThrow();
            assertThat(log4shell.knownExploited()).isTrue();
            assertThat(log4shell.source()).isEqualTo("osv:Maven");
            assertThat(v.find("Go", "stdlib")).isNotEmpty();
            DbStatus s = v.status();
            assertThat(s.sources()).extracting(DbStatus.Source::name).containsExactlyInAnyOrder("osv:Go", "osv:crates.io", "osv:Maven", "osv:npm", "kev");
            assertThat(s.sources()).filteredOn(x -> x.name().equals("osv:Go")).singleElement().satisfies(x -> {
                assertThat(x.url()).isEqualTo(mirror.baseUrl() + "/Go/all.zip");
                assertThat(x.etag()).isEqualTo("\"" + OsvMirror.sha256(go) + "\"");
                assertThat(x.lastModified()).isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");
                assertThat(x.records()).isEqualTo(4_291);
            });
            assertThat(v.age()).isLessThan(Duration.ofMinutes(5));
        }
    }

    @Test
    void anUnchangedSecondUpdateIsOneRoundTripPerFeedAndLeavesTheFileAlone() throws IOException {
        update();
        byte[] before = Files.readAllBytes(db);
        FileTime mtime = Files.getLastModifiedTime(db);
        mirror.requests.clear();

        DbUpdater.Result r = update();
        assertThat(r.rebuilt()).isFalse();
        assertThat(r.feeds()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(DbUpdater.Outcome.UNCHANGED));
        for (String path : List.of("/Go/all.zip", "/crates.io/all.zip", "/Maven/all.zip", "/npm/all.zip", "/kev.json")) {
            assertThat(mirror.count(path)).as(path).isEqualTo(1);
            assertThat(mirror.count(path, 304)).as(path).isEqualTo(1);
        }
        assertThat(mirror.requests).allSatisfy(q -> assertThat(q.ifNoneMatch()).startsWith("\""));
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(mtime);
        // the check itself is noted beside it, so "older than 24 h" counts from now, not from the build
        assertThat(VulnDb.lastCheck(db)).isPresent();
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.sinceChecked()).isLessThanOrEqualTo(v.age());
            assertThat(v.status().lastChecked()).isEqualTo(VulnDb.lastCheck(db).orElseThrow());
        }
    }

    @Test
    void oneChangedEcosystemIsDownloadedAndTheOthersCopied() throws IOException {
        update();
        List<Advisory> goBefore;
        try (VulnDb v = VulnDb.open(db)) {
            goBefore = v.find("Go", "golang.org/x/net");
        }
        mirror.put("/npm/all.zip", OsvMirror.zipOf(SharedData.vulndb().resolve("osv/Maven"))); // npm's zip now differs
        mirror.requests.clear();
        DbUpdater.Result r = update();
        assertThat(r.rebuilt()).isTrue();
        assertThat(r.feeds()).filteredOn(f -> f.outcome() == DbUpdater.Outcome.DOWNLOADED).extracting(DbUpdater.FeedResult::source)
                .containsExactly("osv:npm");
        assertThat(mirror.count("/Go/all.zip", 304)).isEqualTo(1);
        assertThat(mirror.count("/npm/all.zip", 200)).isEqualTo(1);
        try (VulnDb v = VulnDb.open(db)) {
            // copied records decode (their compression dictionaries came along) and are the same
            assertThat(v.find("Go", "golang.org/x/net")).isEqualTo(goBefore).isNotEmpty();
            assertThat(v.find("crates.io", "openssl")).isNotEmpty();
            assertThat(v.find("npm", "lodash")).isEmpty();
            assertThat(v.find("Maven", "org.apache.logging.log4j:log4j-core")).extracting(Advisory::id)
                    .contains("GHSA-jfh8-c2jp-5v3q").allSatisfy(id -> assertThat(id).startsWith("GHSA-"));
            assertThat(v.status().sources()).filteredOn(s -> s.name().equals("osv:Go")).singleElement()
                    .satisfies(s -> assertThat(s.records()).isEqualTo(4_291));
            assertThat(v.status().kevEntries()).isEqualTo(1_404);
        }
    }

    @Test
    void anInterruptedDownloadLeavesTheOldDatabaseWorking() throws IOException {
        update();
        byte[] before = Files.readAllBytes(db);
        try (VulnDb reader = VulnDb.open(db)) {
            mirror.put("/Go/all.zip", crates); // changed, so it is downloaded again
            mirror.mode("/Go/all.zip", OsvMirror.Mode.DROP_MID_BODY);
            assertThatThrownBy(this::update).isInstanceOf(InputException.class)
                    .hasMessageContaining(mirror.baseUrl() + "/Go/all.zip")
                    .hasMessageMatching("(?s).*download (interrupted after |incomplete: )[0-9]+.*")
                    .hasMessageContaining("the existing database is unchanged");
            assertThat(reader.find("Go", "stdlib")).isNotEmpty();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("Go", "stdlib")).isNotEmpty();
        }
        assertNoLeftovers();
    }

    @Test
    void aCorruptZipIsRejectedAndTheOldDatabaseKept() throws IOException {
        update();
        byte[] before = Files.readAllBytes(db);
        mirror.put("/crates.io/all.zip", Arrays.copyOf(crates, crates.length - 1000)); // complete transfer of a truncated zip
        assertThatThrownBy(this::update).isInstanceOf(InputException.class)
                .hasMessageContaining("not a valid zip").hasMessageContaining("the existing database is unchanged");
        mirror.put("/crates.io/all.zip", "<html>captive portal</html>".getBytes());
        assertThatThrownBy(this::update).isInstanceOf(InputException.class).hasMessageContaining("not a valid zip");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("crates.io", "openssl")).isNotEmpty();
        }
        assertNoLeftovers();
    }

    @Test
    void aReaderKeepsItsViewWhileAnUpdateReplacesTheFile() throws IOException {
        update();
        try (VulnDb reader = VulnDb.open(db)) {
            mirror.put("/Go/all.zip", OsvMirror.zipOf(SharedData.vulndb().resolve("osv/npm")));
            update();
            assertThat(reader.find("Go", "stdlib")).isNotEmpty(); // the file it opened, complete
            try (VulnDb fresh = VulnDb.open(db)) {
                assertThat(fresh.find("Go", "stdlib")).isEmpty();
                assertThat(fresh.find("npm", "lodash")).isNotEmpty();
            }
        }
    }

    @Test
    void twoConcurrentUpdatesTakeTurnsAndTheSecondFindsNothingNew() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DbUpdater.Result>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> {
                    start.await();
                    return update();
                }));
            }
            start.countDown();
            DbUpdater.Result a = fs.get(0).get();
            DbUpdater.Result b = fs.get(1).get();
            assertThat(List.of(a.rebuilt(), b.rebuilt())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        for (String path : List.of("/Go/all.zip", "/crates.io/all.zip", "/Maven/all.zip", "/npm/all.zip", "/kev.json")) {
            assertThat(mirror.count(path, 200)).as(path).isEqualTo(1);
            assertThat(mirror.count(path, 304)).as(path).isEqualTo(1);
        }
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("waiting for another drydock"));
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.status().records()).isEqualTo(4_291 + 1_206 + 7 + 3);
        }
    }

    @Test
    void anotherProcessHoldingTheLockMakesUpdateWaitThenFailClearly() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "skipped: python3 is not installed");
        Path lock = db.resolveSibling("drydock.db.lock");
        Files.createDirectories(lock.getParent());
        // fcntl locks are what FileChannel.lock takes on Linux: a second process really contends for it
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl,sys,time\n"
                + "f=open(sys.argv[1],'a'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)", lock.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7))).isEqualTo("locked\n".substring(0, 7));
            assertThatThrownBy(() -> updater(Duration.ofSeconds(1)).update(db, ECOS)).isInstanceOf(InputException.class)
                    .hasMessageContaining("another drydock is writing the vulnerability database");
            assertThat(mirror.requests).isEmpty();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        assertThat(update().rebuilt()).isTrue();
    }

    @Test
    void unknownEcosystemsAndUnreachableServersSaySo() {
        assertThatThrownBy(() -> updater(Duration.ofSeconds(5)).update(db, List.of("NoSuchEcosystem")))
                .isInstanceOf(InputException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("no ecosystem 'NoSuchEcosystem'");
        assertThat(Files.exists(db)).isFalse();
        DbUpdater dead = new DbUpdater("http://127.0.0.1:1", null, 1000, Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC(), l -> { });
        assertThatThrownBy(() -> dead.update(db, List.of("Go"))).isInstanceOf(InputException.class)
                .hasMessageContaining("http://127.0.0.1:1/Go/all.zip: request failed");
    }

    @Test
    void ecosystemNamesAreEncodedInTheUrlAndDownloadsAreBounded() {
        mirror.put("/Red Hat/all.zip", maven);
        DbUpdater small = new DbUpdater(mirror.baseUrl(), null, 1000, Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.systemUTC(), l -> { });
        assertThat(small.zipUrl("Red Hat")).isEqualTo(mirror.baseUrl() + "/Red%20Hat/all.zip");
        assertThatThrownBy(() -> small.update(db, List.of("Red Hat"))).isInstanceOf(InputException.class)
                .hasMessageContaining("more than the 1000-byte limit (--max-download-size)");
        DbUpdater.Result r = new DbUpdater(mirror.baseUrl(), null, 1 << 20, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Clock.systemUTC(), l -> { }).update(db, List.of("Red Hat"));
        assertThat(r.feeds()).singleElement().satisfies(f -> assertThat(f.records()).isEqualTo(7));
    }

    @Test
    void aRecordInSeveralEcosystemsZipsComesBackOnce() {
        // osv.dev puts a GHSA in the zip of every ecosystem it affects: here the Maven records are in two zips
        mirror.put("/Copy/all.zip", maven);
        DbUpdater.Result r = updater(Duration.ofSeconds(10)).update(db, List.of("Maven", "Copy"));
        assertThat(r.feeds()).extracting(DbUpdater.FeedResult::records).startsWith(7L, 7L);
        try (VulnDb v = VulnDb.open(db)) {
            assertThat(v.find("Maven", "org.apache.logging.log4j:log4j-core")).extracting(Advisory::id)
                    .containsExactlyInAnyOrder("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");
            assertThat(v.findById("CVE-2021-44228")).hasSize(1);
        }
    }

    private void assertNoLeftovers() throws IOException {
        try (var files = Files.list(db.getParent())) {
            // the database, the writers' lock, the time of the last successful update
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("drydock.db", "drydock.db.lock",
                    "drydock.db.checked");
        }
    }
}
