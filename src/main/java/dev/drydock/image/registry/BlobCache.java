package dev.drydock.image.registry;

import dev.drydock.image.Digest;
import dev.drydock.image.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Registry blobs on disk by digest ({@code DIR/blobs/sha256/HEX}), bounded in total size: least recently used blobs
 * (by modification time, touched on every hit) are deleted when a new one would exceed the bound. A blob enters the
 * cache only after it streamed to its end and its digest verified, written to a temporary file and renamed, so a
 * cached file is always whole and right. A cache that cannot be written slows the next pull, never fails this one.
 */
final class BlobCache {

    private final Path dir;
    private final long maxBytes;

    BlobCache(Path cacheDir, long maxBytes) {
        this.dir = cacheDir.resolve("blobs");
        this.maxBytes = maxBytes;
    }

    private Path file(Digest d) {
        return dir.resolve(d.algorithm()).resolve(d.hex());
    }

    /** The cached blob, its use recorded; or empty. */
    Optional<Path> get(Digest d) {
        Path f = file(d);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still serves hits; its order just goes stale
        }
        return Optional.of(f);
    }

    /**
     * Wraps a verifying stream so that, read to its end (where the verifying stream has checked the digest), the bytes
     * land in the cache. A stream closed early, or failing, leaves nothing behind.
     */
    InputStream caching(Digest d, long size, InputStream verified) {
        if (size > maxBytes || maxBytes <= 0) {
            return verified;
        }
        Path tmp;
        OutputStream out;
        try {
            Files.createDirectories(file(d).getParent());
            tmp = Files.createTempFile(file(d).getParent(), ".tmp-", "");
            out = Files.newOutputStream(tmp);
        } catch (IOException e) {
            return verified;
        }
        return new Tee(verified, d, tmp, out);
    }

    private final class Tee extends ReadThroughInputStream {
        private final Digest digest;
        private final Path tmp;
        private OutputStream out;

        Tee(InputStream in, Digest digest, Path tmp, OutputStream out) {
            super(in);
            this.digest = digest;
            this.tmp = tmp;
            this.out = out;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                abandon();
                throw e;
            }
            if (n > 0 && out != null) {
                try {
                    out.write(b, off, n);
                } catch (IOException e) {
                    abandon();
                }
            } else if (n < 0 && out != null) {
                commit();
            }
            return n;
        }

        private void commit() {
            try {
                out.close();
                out = null;
                try {
                    Files.move(tmp, file(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file(digest), StandardCopyOption.REPLACE_EXISTING);
                }
                evict();
            } catch (IOException e) {
                abandon();
            }
        }

        private void abandon() {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                // being thrown away anyway
            }
            out = null;
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a stray temporary file is cleaned by 'drydock cache clean'
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                abandon(); // closed before its end: not verified, not cached
            }
            super.close();
        }
    }

    /** Deletes least recently used blobs until the cache fits its bound. */
    synchronized void evict() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        record Entry(Path path, long size, long used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".tmp-")).toList()) {
                try {
                    long size = Files.size(p);
                    entries.add(new Entry(p, size, Files.getLastModifiedTime(p).toMillis()));
                    total += size;
                } catch (IOException e) {
                    // deleted by another process meanwhile
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::used).thenComparing(e -> e.path().toString()));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(e.path());
            total -= e.size();
        }
    }
}
