package dev.drydock.analyzer.ospkg.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Test-data builder: header blobs laid out as rpm's ndb backend writes {@code Packages.db} (lib/backend/ndb/rpmpkg.c:
 * file header in the first two slot places, one slot page, blobs from block 256 on with a 16-byte head and a 12-byte
 * tail of checksum, length, magic {@code BlbE}), little-endian. Debian's rpm is built without ndb, so this stands in.
 */
final class NdbWriter {

    private NdbWriter() {
    }

    static byte[] write(List<byte[]> blobs) {
        int slotPages = 1;
        int size = slotPages * NdbReader.PAGE;
        for (byte[] b : blobs) {
            size += blocks(b.length) * NdbReader.BLOCK;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, NdbReader.HEADER_MAGIC).putInt(4, 0).putInt(8, 1).putInt(12, slotPages).putInt(16, blobs.size() + 1);
        int block = slotPages * NdbReader.PAGE / NdbReader.BLOCK;
        for (int slot = 2; slot < NdbReader.PAGE / NdbReader.SLOT; slot++) {
            int at = slot * NdbReader.SLOT;
            out.putInt(at, NdbReader.SLOT_MAGIC);
            int i = slot - 2;
            if (i < blobs.size()) {
                byte[] b = blobs.get(i);
                int n = blocks(b.length);
                out.putInt(at + 4, i + 1).putInt(at + 8, block).putInt(at + 12, n);
                int s = block * NdbReader.BLOCK;
                out.putInt(s, NdbReader.BLOB_MAGIC).putInt(s + 4, i + 1).putInt(s + 8, 1).putInt(s + 12, b.length);
                out.put(s + 16, b);
                int tail = s + n * NdbReader.BLOCK - 12;
                out.putInt(tail, 0).putInt(tail + 4, b.length).putInt(tail + 8, 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24);
                block += n;
            }
        }
        return out.array();
    }

    private static int blocks(int len) {
        return (16 + len + 12 + NdbReader.BLOCK - 1) / NdbReader.BLOCK;
    }
}
