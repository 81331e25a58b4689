package dev.drydock.vulndb;

import dev.drydock.DrydockException.InputException;
import dev.drydock.DrydockException.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@code drydock db update}: downloads osv.dev's per-ecosystem {@code <base>/<Ecosystem>/all.zip} and CISA's KEV
 * catalogue, each with a conditional request ({@code If-None-Match} with the stored ETag, {@code If-Modified-Since}
 * with the stored Last-Modified), so an unchanged feed costs one round trip and its records are copied from the
 * current database. When nothing changed the database file is not touched at all. Otherwise a new database is built
 * beside the old one and renamed over it ({@link DbBuild}); a failed download, a corrupt zip or an interrupted
 * transfer leaves the old database as it was.
 */
public final class DbUpdater {

    public static final String DEFAULT_BASE_URL = "https://osv-vulnerabilities.storage.googleapis.com";
    public static final String DEFAULT_KEV_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
    /** The ecosystems drydock's inventory reports, as osv.dev names its folders: downloaded when nothing says otherwise. */
    public static final List<String> DEFAULT_ECOSYSTEMS = List.of("AlmaLinux", "Alpine", "Chainguard", "Debian", "Go", "Maven",
            "NuGet", "Packagist", "PyPI", "Red Hat", "Rocky Linux", "RubyGems", "SUSE", "Ubuntu", "Wolfi", "crates.io", "npm");
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 4L * 1024 * 1024 * 1024;
    static final String DOWNLOAD_PREFIX = ".drydock-download-";
    static final String KEV_SOURCE = "kev";

    /** What happened to one feed. */
    public enum Outcome { DOWNLOADED, UNCHANGED, KEPT }

    public record FeedResult(String source, String url, Outcome outcome, long bytes, long records) {
    }

    /** The feeds, the import counts of what was downloaded, and whether a new database file was written. */
    public record Result(List<FeedResult> feeds, ImportStats imported, boolean rebuilt) {
    }

    private final String baseUrl;
    private final String kevUrl;
    private final long maxDownloadBytes;
    private final Duration timeout;
    private final Duration lockTimeout;
    private final Clock clock;
    private final Comparator<String> rubyGems;
    private final Consumer<String> progress;
    private final HttpClient http;

    /**
     * @param baseUrl  osv.dev's bucket or a mirror of it (no trailing slash needed)
     * @param kevUrl   the KEV JSON feed, or {@code null} to leave KEV out
     * @param progress one line per step, for stderr
     */
    public DbUpdater(String baseUrl, String kevUrl, long maxDownloadBytes, Duration timeout, Duration lockTimeout, Clock clock,
                     Consumer<String> progress) {
        this.baseUrl = stripSlash(checkUrl(baseUrl, "--base-url"));
        this.kevUrl = kevUrl == null ? null : checkUrl(kevUrl, "--kev-url");
        this.maxDownloadBytes = maxDownloadBytes;
        this.timeout = timeout;
        this.lockTimeout = lockTimeout;
        this.clock = clock;
        this.rubyGems = DbImporter.defaultRubyGems();
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static String checkUrl(String url, String option) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": '" + url + "' is not a URL");
        }
        if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
            throw new UsageException(option + ": '" + url + "' is not an http(s) URL");
        }
        return url;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The zip URL of an ecosystem: {@code <base>/<Ecosystem>/all.zip}, the name percent-encoded ({@code Red%20Hat}). */
    String zipUrl(String ecosystem) {
        return baseUrl + "/" + URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20") + "/all.zip";
    }

    /**
     * Updates the database at {@code db}.
     *
     * @param ecosystems osv.dev ecosystem names; empty means those downloaded last time, or {@link #DEFAULT_ECOSYSTEMS}
     */
    public Result update(Path db, List<String> ecosystems) {
        Path dir = db.toAbsolutePath().getParent();
        Result[] out = new Result[1];
        Map<String, Path> downloads = new LinkedHashMap<>();
        try {
            DbBuild.run(db, lockTimeout, () -> progress.accept("waiting for another drydock that is updating " + db),
                    clock, (w, old) -> {
                        List<String> ecos = chooseEcosystems(ecosystems, old);
                        List<FeedResult> feeds = new ArrayList<>();
                        // 1. ask every feed first: a failure here costs nothing and changes nothing
                        Map<String, Fetch> fetched = new LinkedHashMap<>();
                        for (String eco : ecos) {
                            String name = "osv:" + eco;
                            Fetch f = fetch(zipUrl(eco), old.get(name), dir, name);
                            fetched.put(name, f);
                            if (f.file() != null) {
                                downloads.put(name, f.file());
                            }
                        }
                        if (kevUrl != null) {
                            Fetch f = fetch(kevUrl, old.get(KEV_SOURCE), dir, KEV_SOURCE);
                            fetched.put(KEV_SOURCE, f);
                            if (f.file() != null) {
                                downloads.put(KEV_SOURCE, f.file());
                            }
                        }
                        boolean anyNew = fetched.values().stream().anyMatch(f -> f.file() != null);
                        if (!anyNew && old.keySet().containsAll(fetched.keySet())) {
                            for (Map.Entry<String, Fetch> e : fetched.entrySet()) {
                                feeds.add(new FeedResult(e.getKey(), e.getValue().url(), Outcome.UNCHANGED, 0, old.get(e.getKey()).records()));
                            }
                            out[0] = new Result(feeds, new ImportStats(), false);
                            return null; // nothing changed: leave the file alone
                        }
                        // 2. build: unchanged and untouched sources are copied, new zips imported
                        ImportStats total = new ImportStats();
                        Importer importer = new Importer(w, rubyGems, Importer.DEFAULT_MAX_RECORD_BYTES);
                        for (Map.Entry<String, DbStatus.Source> e : old.entrySet()) {
                            if (!fetched.containsKey(e.getKey())) {
                                long n = w.copySource(db, e.getKey());
                                feeds.add(new FeedResult(e.getKey(), e.getValue().url(), Outcome.KEPT, 0, n));
                            }
                        }
                        boolean newKev = fetched.containsKey(KEV_SOURCE) && fetched.get(KEV_SOURCE).file() != null;
                        if (!newKev && !old.isEmpty()) {
                            w.copyKev(db);
                        }
                        for (Map.Entry<String, Fetch> e : fetched.entrySet()) {
                            String name = e.getKey();
                            Fetch f = e.getValue();
                            if (f.file() == null) {
                                long n = w.copySource(db, name);
                                feeds.add(new FeedResult(name, f.url(), Outcome.UNCHANGED, 0, n));
                                continue;
                            }
                            long sid = w.beginSource(name, name.equals(KEV_SOURCE) ? "kev" : "osv-download", f.url(), f.etag(),
                                    f.lastModified(), clock.instant());
                            progress.accept("importing " + name);
                            ImportStats s;
                            if (name.equals(KEV_SOURCE)) {
                                s = importKev(w, f);
                            } else {
                                // feed from each record (osv:<its first ecosystem>), so the copy of a GHSA that
                                // osv.dev puts in every ecosystem's zip it affects is one record to lookups
                                s = importer.importZip(sid, f.file(), null);
                            }
                            w.endSource(sid, s.importedCount(), s.skippedCount(),
                                    name.equals(KEV_SOURCE) ? "KEV entries: " + s.kevEntryCount() : null);
                            total.add(s);
                            feeds.add(new FeedResult(name, f.url(), Outcome.DOWNLOADED, f.bytes(), s.importedCount()));
                        }
                        out[0] = new Result(feeds, total, true);
                        return out[0];
                    });
        } finally {
            downloads.values().forEach(DatabaseWriter::deleteQuietly);
        }
        VulnDb.recordCheck(db, clock.instant());
        return out[0];
    }

    private List<String> chooseEcosystems(List<String> asked, Map<String, DbStatus.Source> old) {
        if (asked != null && !asked.isEmpty()) {
            return asked.stream().distinct().toList();
        }
        List<String> before = old.values().stream().filter(s -> s.kind().equals("osv-download"))
                .map(s -> s.name().substring("osv:".length())).toList();
        if (!before.isEmpty()) {
            progress.accept("updating the ecosystems downloaded last time: " + String.join(", ", before));
            return before;
        }
        progress.accept("downloading every ecosystem drydock matches (choose with --ecosystem): " + String.join(", ", DEFAULT_ECOSYSTEMS));
        return DEFAULT_ECOSYSTEMS;
    }

    /** The answer to one conditional GET: a downloaded file, or {@code file == null} when unchanged (304). */
    private record Fetch(String url, Path file, long bytes, String etag, String lastModified) {
    }

    private Fetch fetch(String url, DbStatus.Source old, Path dir, String name) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("User-Agent", "drydock/" + dev.drydock.Version.get());
        if (old != null && url.equals(old.url())) {
            if (old.etag() != null) {
                rb.header("If-None-Match", old.etag());
            }
            if (old.lastModified() != null) {
                rb.header("If-Modified-Since", old.lastModified());
            }
        }
        progress.accept("checking " + url);
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(url + ": interrupted; the existing database is unchanged", e);
        } catch (IOException e) {
            throw new InputException(url + ": request failed (" + e + "); check the URL and the network (--base-url, --offline);"
                    + " the existing database is unchanged", e);
        }
        try (InputStream body = resp.body()) {
            int code = resp.statusCode();
            if (code == 304 && old != null) {
                return new Fetch(url, null, 0, old.etag(), old.lastModified());
            }
            if (code != 200) {
                throw new InputException(url + ": HTTP " + code + (code == 404 && !name.equals(KEV_SOURCE)
                        ? " (osv.dev has no ecosystem '" + name.substring(4) + "'? names are case-sensitive: PyPI, crates.io, Red Hat)"
                        : "") + "; the existing database is unchanged");
            }
            OptionalLong declared = resp.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxDownloadBytes) {
                throw new InputException(url + ": " + declared.getAsLong() + " bytes is more than the " + maxDownloadBytes
                        + "-byte limit (--max-download-size); the existing database is unchanged");
            }
            Path file = Files.createTempFile(dir, DOWNLOAD_PREFIX, name.equals(KEV_SOURCE) ? ".json" : ".zip");
            long n = 0;
            try (OutputStream o = Files.newOutputStream(file)) {
                byte[] buf = new byte[65536];
                for (int r; (r = body.read(buf)) >= 0; ) {
                    n += r;
                    if (n > maxDownloadBytes) {
                        throw new InputException(url + ": larger than the " + maxDownloadBytes
                                + "-byte limit (--max-download-size); the existing database is unchanged");
                    }
                    o.write(buf, 0, r);
                }
            } catch (IOException | RuntimeException e) {
                DatabaseWriter.deleteQuietly(file);
                if (e instanceof InputException ie) {
                    throw ie;
                }
                throw new InputException(url + ": download interrupted after " + n + " bytes (" + e
                        + "); the existing database is unchanged", e);
            }
            if (declared.isPresent() && declared.getAsLong() != n) {
                DatabaseWriter.deleteQuietly(file);
                throw new InputException(url + ": download incomplete: " + n + " of " + declared.getAsLong()
                        + " bytes; the existing database is unchanged");
            }
            progress.accept("downloaded " + url + " (" + n + " bytes)");
            return new Fetch(url, file, n, resp.headers().firstValue("ETag").orElse(null),
                    resp.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private static ImportStats importKev(DatabaseWriter w, Fetch f) throws IOException, SQLException {
        ImportStats s = new ImportStats();
        s.read();
        byte[] bytes = Files.readAllBytes(f.file());
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = RecordParser.json(bytes);
        } catch (RecordParser.ParseException e) {
            throw new InputException(f.url() + ": the KEV catalogue is not valid JSON (" + e.getMessage() + "); the existing database is unchanged");
        }
        if (!KevCatalog.looksLikeKev(n)) {
            throw new InputException(f.url() + ": not a CISA KEV catalogue (no catalogVersion/vulnerabilities); the existing database is unchanged");
        }
        KevCatalog kev = KevCatalog.parse(n);
        w.addKev(kev);
        s.kev(kev.entries().size());
        return s;
    }
}
