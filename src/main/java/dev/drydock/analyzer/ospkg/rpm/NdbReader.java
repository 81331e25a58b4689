package dev.drydock.analyzer.ospkg.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * rpm's own "ndb" package database ({@code Packages.db}, SUSE): rpm's {@code lib/backend/ndb/rpmpkg.c}. A header
 * (magic {@code RpmP}, version, generation, number of slot pages), then slot pages of 16-byte slots (magic
 * {@code Slot}, package index, block offset, block count; the first two slots' room is the file header), then blobs
 * at {@code offset × 16}: a 16-byte blob header (magic {@code BlbS}, package index, generation, length) and the header
 * blob. Written in the machine's byte order, which for every image in the wild is little-endian. Hand-written: no Java
 * library reads it. Every offset and length is checked against the file.
 */
final class NdbReader {

    static final int HEADER_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    static final int BLOB_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    static final int PAGE = 4096, SLOT = 16, BLOCK = 16;

    private NdbReader() {
    }

    static RpmAnalyzer.Blobs read(byte[] file, String path) {
        List<byte[]> headers = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        String where = "/" + path;
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 32 || b.getInt(0) != HEADER_MAGIC) {
            diagnostics.add(where + ": not an rpm ndb database (no RpmP magic)");
            return new RpmAnalyzer.Blobs(headers, diagnostics);
        }
        long slotPages = Integer.toUnsignedLong(b.getInt(12));
        if (slotPages == 0 || slotPages * PAGE > file.length) {
            diagnostics.add(where + ": header names " + slotPages + " slot pages but the file has " + file.length
                    + " bytes");
            slotPages = Math.min(slotPages, file.length / PAGE);
        }
        long slotsEnd = slotPages * PAGE;
        for (long at = 2 * SLOT; at + SLOT <= slotsEnd; at += SLOT) {
            int magic = b.getInt((int) at);
            int pkg = b.getInt((int) at + 4);
            long blkOff = Integer.toUnsignedLong(b.getInt((int) at + 8));
            long blkCnt = Integer.toUnsignedLong(b.getInt((int) at + 12));
            if (magic != SLOT_MAGIC) {
                diagnostics.add(where + ": slot at " + at + " has no Slot magic");
                continue;
            }
            if (pkg == 0) {
                continue; // a free slot
            }
            long start = blkOff * BLOCK;
            if (start < slotsEnd || start + BLOCK > file.length || start + blkCnt * BLOCK > file.length) {
                diagnostics.add(where + ": package " + Integer.toUnsignedString(pkg) + ": blob at block " + blkOff
                        + " (" + blkCnt + " blocks) is outside the file");
                continue;
            }
            int s = (int) start;
            long len = Integer.toUnsignedLong(b.getInt(s + 12));
            if (b.getInt(s) != BLOB_MAGIC || b.getInt(s + 4) != pkg) {
                diagnostics.add(where + ": package " + Integer.toUnsignedString(pkg) + ": no blob header at block "
                        + blkOff);
                continue;
            }
            if (16 + len > blkCnt * BLOCK) {
                diagnostics.add(where + ": package " + Integer.toUnsignedString(pkg) + ": blob of " + len
                        + " bytes does not fit its " + blkCnt + " blocks");
                continue;
            }
            byte[] blob = new byte[(int) len];
            System.arraycopy(file, s + 16, blob, 0, (int) len);
            headers.add(blob);
        }
        return new RpmAnalyzer.Blobs(headers, diagnostics);
    }
}
