package dev.drydock.analyzer.ospkg.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A read-only reader of the Berkeley DB hash files rpm ≤ 4.15 keeps its {@code Packages} database in: key = header
 * instance number, value = header blob. Hand-written so no native library (libdb) is needed; it reads only what rpm
 * writes, following BDB's {@code dbinc/db_page.h}: a hash meta page (magic 0x061561, page size, last page), then hash
 * pages whose index array points at key/data item pairs; rpm's headers are larger than a page, so values are
 * {@code H_OFFPAGE} items whose bytes sit on a chain of overflow pages. Every page number, offset and length is checked
 * against the file; a chain that loops or runs off the file is a diagnostic.
 */
final class BerkeleyDbHashReader {

    static final int HASH_MAGIC = 0x061561;
    static final int P_HASH_UNSORTED = 2, P_OVERFLOW = 7, P_HASH = 13;
    static final int H_KEYDATA = 1, H_OFFPAGE = 3;
    static final int PAGE_HEADER = 26;

    private BerkeleyDbHashReader() {
    }

    static RpmAnalyzer.Blobs read(byte[] file, String path) {
        List<byte[]> headers = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        String where = "/" + path;
        if (file.length < 512) {
            diagnostics.add(where + ": " + file.length + " bytes is too short for a Berkeley DB file");
            return new RpmAnalyzer.Blobs(headers, diagnostics);
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(12) != HASH_MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(12) != HASH_MAGIC) {
                diagnostics.add(where + ": not a Berkeley DB hash file (magic " + Integer.toHexString(b.getInt(12)) + ")");
                return new RpmAnalyzer.Blobs(headers, diagnostics);
            }
        }
        int pageSize = b.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            diagnostics.add(where + ": page size " + pageSize + " is not valid");
            return new RpmAnalyzer.Blobs(headers, diagnostics);
        }
        if ((b.get(24) & 0xff) != 0) {
            diagnostics.add(where + ": the database is encrypted");
            return new RpmAnalyzer.Blobs(headers, diagnostics);
        }
        long lastPage = Integer.toUnsignedLong(b.getInt(32));
        long pages = file.length / pageSize;
        if (lastPage + 1 > pages) {
            diagnostics.add(where + ": meta page names " + (lastPage + 1) + " pages but the file holds " + pages
                    + " (truncated?); reading what is there");
            lastPage = pages - 1;
        }
        for (int pg = 1; pg <= lastPage; pg++) {
            int base = pg * pageSize;
            int type = file[base + 25] & 0xff;
            if (type != P_HASH && type != P_HASH_UNSORTED) {
                continue;
            }
            int entries = Short.toUnsignedInt(b.getShort(base + 20));
            if (PAGE_HEADER + 2L * entries > pageSize) {
                diagnostics.add(where + ": page " + pg + " claims " + entries + " entries");
                continue;
            }
            for (int i = 1; i < entries; i += 2) { // items come in key, value pairs: values at odd indexes
                int off = Short.toUnsignedInt(b.getShort(base + PAGE_HEADER + 2 * i));
                int keyOff = Short.toUnsignedInt(b.getShort(base + PAGE_HEADER + 2 * (i - 1)));
                if (off < PAGE_HEADER || off >= pageSize || keyOff <= off || keyOff >= pageSize) {
                    diagnostics.add(where + ": page " + pg + " item " + i + " at offset " + off + " is outside the page");
                    continue;
                }
                int itemType = file[base + off] & 0xff;
                if (itemType == H_OFFPAGE) {
                    if (off + 12 > keyOff) {
                        diagnostics.add(where + ": page " + pg + " item " + i + " is too short for an off-page item");
                        continue;
                    }
                    long next = Integer.toUnsignedLong(b.getInt(base + off + 4));
                    long total = Integer.toUnsignedLong(b.getInt(base + off + 8));
                    byte[] blob = overflow(file, b, pageSize, lastPage, next, total, where, diagnostics);
                    if (blob != null) {
                        headers.add(blob);
                    }
                } else if (itemType == H_KEYDATA) {
                    // a small value stored on the page: rpm keeps its "next instance" counter (key 0) like this
                    int keyLen = (i == 1 ? pageSize : Short.toUnsignedInt(b.getShort(base + PAGE_HEADER + 2 * (i - 2))))
                            - keyOff - 1;
                    boolean counter = keyLen == 4 && b.getInt(base + keyOff + 1) == 0;
                    int len = keyOff - off - 1;
                    if (!counter && len > 8) {
                        byte[] blob = new byte[len];
                        System.arraycopy(file, base + off + 1, blob, 0, len);
                        headers.add(blob);
                    }
                } else {
                    diagnostics.add(where + ": page " + pg + " item " + i + " has unexpected type " + itemType);
                }
            }
        }
        return new RpmAnalyzer.Blobs(headers, diagnostics);
    }

    private static byte[] overflow(byte[] file, ByteBuffer b, int pageSize, long lastPage, long first, long total,
                                   String where, List<String> diagnostics) {
        if (total > file.length) {
            diagnostics.add(where + ": off-page item of " + total + " bytes is larger than the file");
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        Set<Long> seen = new HashSet<>();
        long pg = first;
        while (pg != 0 && out.size() < total) {
            if (pg > lastPage || !seen.add(pg)) {
                diagnostics.add(where + ": overflow chain from page " + first + " "
                        + (pg > lastPage ? "runs off the file at page " + pg : "loops at page " + pg));
                return null;
            }
            int base = (int) (pg * pageSize);
            if ((file[base + 25] & 0xff) != P_OVERFLOW) {
                diagnostics.add(where + ": page " + pg + " in an overflow chain is not an overflow page");
                return null;
            }
            int len = Short.toUnsignedInt(b.getShort(base + 22)); // on overflow pages hf_offset is the bytes used
            if (PAGE_HEADER + len > pageSize) {
                diagnostics.add(where + ": overflow page " + pg + " claims " + len + " bytes");
                return null;
            }
            out.write(file, base + PAGE_HEADER, (int) Math.min(len, total - out.size()));
            pg = Integer.toUnsignedLong(b.getInt(base + 16));
        }
        if (out.size() != total) {
            diagnostics.add(where + ": overflow chain from page " + first + " holds " + out.size() + " of " + total
                    + " bytes");
            return null;
        }
        return out.toByteArray();
    }
}
