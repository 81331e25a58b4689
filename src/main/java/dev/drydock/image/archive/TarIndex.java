package dev.drydock.image.archive;

import dev.drydock.DrydockException.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The entries of an uncompressed tar file, indexed in one pass over its headers (commons-compress {@link TarFile}
 * seeks over the data), so blobs are then read by seeking to their offsets: nothing is extracted, and memory holds only
 * the headers. Reads use positional {@link FileChannel#read(ByteBuffer, long)}, so several layers can stream from one
 * archive at once.
 */
final class TarIndex implements AutoCloseable {

    private static final int MAX_LINK_HOPS = 16;

    private final String source;
    private final FileChannel channel;
    private final Map<String, TarArchiveEntry> entries;

    private TarIndex(String source, FileChannel channel, Map<String, TarArchiveEntry> entries) {
        this.source = source;
        this.channel = channel;
        this.entries = entries;
    }

    static TarIndex open(Path file, String source) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new InputException(source + ": no such file");
        }
        try {
            rejectCompressed(ch, source);
            Map<String, TarArchiveEntry> map = new HashMap<>();
            long fileSize = ch.size();
            // TarFile closes nothing we hand it until we close it; we keep our own channel for reading
            @SuppressWarnings("resource")
            TarFile tar = new TarFile(new NonClosingChannel(ch));
            for (TarArchiveEntry e : tar.getEntries()) {
                if (e.isFile() && e.getDataOffset() + e.getSize() > fileSize) {
                    throw new InputException(source + ": truncated archive: entry '" + e.getName() + "' needs "
                            + e.getSize() + " bytes at offset " + e.getDataOffset() + " but the file ends at " + fileSize);
                }
                map.put(normalise(e.getName()), e);
            }
            if (map.isEmpty()) {
                throw new InputException(source + ": not a tar archive (no entries)");
            }
            return new TarIndex(source, ch, map);
        } catch (InputException e) {
            ch.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new InputException(source + ": not a readable tar archive: " + e.getMessage(), e);
        }
    }

    private static void rejectCompressed(FileChannel ch, String source) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        ch.read(head, 0);
        byte[] b = head.array();
        if (head.position() >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            throw new InputException(source + ": the archive is gzip-compressed; drydock reads archives by seeking,"
                    + " so decompress it first (gunzip -k FILE)");
        }
        if (head.position() >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f && (b[3] & 0xff) == 0xfd) {
            throw new InputException(source + ": the archive is zstd-compressed; decompress it first (zstd -d FILE)");
        }
    }

    /** {@code ./a/b}, {@code a/b/} and {@code /a/b} all name {@code a/b}. */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    boolean has(String name) {
        return resolve(name) != null;
    }

    /** The size of a regular file entry (following symlinks inside the archive), or -1 when absent. */
    long size(String name) {
        TarArchiveEntry e = resolve(name);
        return e == null ? -1 : e.getSize();
    }

    /** Opens a regular file entry lazily; symlinks inside the archive (docker's legacy {@code layer.tar}) are followed. */
    InputStream open(String name) throws IOException {
        TarArchiveEntry e = resolve(name);
        if (e == null) {
            throw new NoSuchFileException(name);
        }
        if (e.isSparse()) {
            throw new InputException(source + ": entry '" + name + "' is a sparse file; drydock cannot read sparse blobs");
        }
        return new SliceInputStream(channel, e.getDataOffset(), e.getSize(), source + ": " + name);
    }

    private TarArchiveEntry resolve(String name) {
        String n = normalise(name);
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            TarArchiveEntry e = entries.get(n);
            if (e == null) {
                return null;
            }
            if (e.isSymbolicLink() || e.isLink()) {
                String target = e.getLinkName();
                if (e.isSymbolicLink() && !target.startsWith("/")) {
                    int slash = n.lastIndexOf('/');
                    target = (slash < 0 ? "" : n.substring(0, slash + 1)) + target;
                }
                n = collapse(normalise(target));
                continue;
            }
            return e.isFile() ? e : null;
        }
        return null;
    }

    private static String collapse(String path) {
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(part);
            }
        }
        return String.join("/", out);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A slice of the archive, read with positional reads (thread-safe on a shared channel). */
    static final class SliceInputStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private final String what;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private long pos;

        SliceInputStream(FileChannel channel, long offset, long length, String what) {
            this.channel = channel;
            this.pos = offset;
            this.end = offset + length;
            this.what = what;
            buf.limit(0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!buf.hasRemaining()) {
                if (pos >= end) {
                    return -1;
                }
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - pos));
                int n = channel.read(buf, pos);
                if (n <= 0) {
                    throw new EOFException(what + ": archive ends before the entry does (truncated)");
                }
                pos += n;
                buf.flip();
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            long fromBuf = Math.min(n, buf.remaining());
            buf.position(buf.position() + (int) fromBuf);
            long fromFile = Math.min(n - fromBuf, end - pos);
            pos += fromFile;
            return fromBuf + fromFile;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, buf.remaining() + (end - pos));
        }
    }

    /** Lets TarFile index through our channel without closing it. */
    private static final class NonClosingChannel implements java.nio.channels.SeekableByteChannel {
        private final FileChannel ch;

        NonClosingChannel(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return ch.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long position() throws IOException {
            return ch.position();
        }

        @Override
        public java.nio.channels.SeekableByteChannel position(long newPosition) throws IOException {
            ch.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public java.nio.channels.SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() {
        }
    }
}
