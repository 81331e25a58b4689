package dev.drydock.layer;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Digest;
import dev.drydock.image.DigestMismatchException;
import dev.drydock.image.DigestVerifyingInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer exactly once, streaming: decompresses it (gzip, zstd or none, told by magic bytes, since some tools
 * mislabel media types), verifies the uncompressed stream against the config's diff_id, and records every entry. Files
 * a {@link Visitor} wants are offered as bounded streams while the walk passes them; nothing touches the disk.
 *
 * <p>Whiteouts ({@code .wh.NAME}) and opaque markers ({@code .wh..wh..opq}) are recorded as data, following the OCI
 * image spec's {@code layer.md}. Entries escaping the root ({@code ../x}, {@code /x}) are reported and ignored.
 * A corrupt, truncated or mismatching layer fails with an {@link InputException} naming the layer.
 */
public final class LayerWalker {

    static final String WHITEOUT = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    /** Chooses files and reads their bytes during the walk. */
    public interface Visitor {
        /** Cheap: decides from the header alone. Only regular files are offered. */
        boolean wants(FileInfo file);

        /** Reads (some of) the file; the stream ends at the file's end and must not be closed. */
        void visit(FileInfo file, InputStream content) throws IOException;
    }

    /** Offers nothing. */
    public static final Visitor NOTHING = new Visitor() {
        @Override
        public boolean wants(FileInfo file) {
            return false;
        }

        @Override
        public void visit(FileInfo file, InputStream content) {
        }
    };

    private LayerWalker() {
    }

    /**
     * @param blob   the layer blob as stored (the source may verify its own digest as it streams); closed here
     * @param diffId the config's diff_id for this layer: the uncompressed stream must hash to it
     * @param what   names the layer in messages, e.g. {@code "docker-archive:a.tar: layer 2 (sha256:…)"}
     */
    public static LayerContents walk(InputStream blob, int index, Digest diffId, String what, Visitor visitor) {
        try (BufferedInputStream raw = new BufferedInputStream(blob, 64 * 1024)) {
            InputStream plain = decompress(raw);
            DigestVerifyingInputStream verified = new DigestVerifyingInputStream(plain, diffId, -1,
                    what + " (uncompressed, checked against the config's diff_id)");
            LayerContents contents = entries(verified, index, diffId, what, visitor);
            verified.drainAndVerify(); // the tar's trailing blocks count towards the diff_id
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // and the rest of the blob towards the blob digest
            return new LayerContents(index, diffId, contents.files(), contents.whiteouts(), contents.opaqueDirs(),
                    contents.diagnostics(), contents.fileBytes(), verified.count());
        } catch (DigestMismatchException e) {
            throw new InputException(e.getMessage(), e);
        } catch (ZipException e) {
            throw new InputException(what + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new InputException(what + ": truncated: " + message(e), e);
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(what + ": unreadable layer: " + message(e), e);
        } catch (RuntimeException e) {
            // commons-compress and zstd-jni signal some corrupt input with unchecked exceptions
            throw new InputException(what + ": corrupt layer: " + message(e), e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] m = in.readNBytes(4);
        in.reset();
        if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 64 * 1024);
        }
        if (m.length == 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    private static LayerContents entries(InputStream tarStream, int index, Digest diffId, String what, Visitor visitor)
            throws IOException {
        List<FileInfo> files = new ArrayList<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        long bytes = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            String path = LayerPaths.normalise(e.getName());
            if (path == null) {
                diagnostics.add(what + ": entry '" + e.getName() + "' escapes the root; ignored");
                continue;
            }
            if (path.isEmpty()) {
                continue; // the root directory itself
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.equals(OPAQUE)) {
                opaque.add(LayerPaths.parent(path));
                continue;
            }
            if (name.startsWith(WHITEOUT)) {
                whiteouts.add(LayerPaths.join(LayerPaths.parent(path), name.substring(WHITEOUT.length())));
                continue;
            }
            FileInfo info = info(e, path, what, diagnostics);
            if (info == null) {
                continue;
            }
            files.add(info);
            bytes += info.size();
            if (info.isRegular() && info.size() > 0 && visitor.wants(info)) {
                visitor.visit(info, new EntryStream(tar));
            }
        }
        return new LayerContents(index, diffId, files, whiteouts, opaque, diagnostics, bytes, 0);
    }

    private static FileInfo info(TarArchiveEntry e, String path, String what, List<String> diagnostics) {
        FileInfo.Type type;
        String link = "";
        if (e.isDirectory()) {
            type = FileInfo.Type.DIRECTORY;
        } else if (e.isSymbolicLink()) {
            type = FileInfo.Type.SYMLINK;
            link = e.getLinkName();
        } else if (e.isLink()) {
            type = FileInfo.Type.HARDLINK;
            link = LayerPaths.normalise(e.getLinkName());
            if (link == null || link.isEmpty()) {
                diagnostics.add(what + ": hardlink '" + path + "' points outside the root ('" + e.getLinkName() + "'); ignored");
                return null;
            }
        } else if (e.isCharacterDevice()) {
            type = FileInfo.Type.CHAR_DEVICE;
        } else if (e.isBlockDevice()) {
            type = FileInfo.Type.BLOCK_DEVICE;
        } else if (e.isFIFO()) {
            type = FileInfo.Type.FIFO;
        } else if (e.isFile()) {
            type = FileInfo.Type.FILE;
        } else {
            diagnostics.add(what + ": entry '" + path + "' has unsupported tar type '" + (char) e.getLinkFlag() + "'; ignored");
            return null;
        }
        long size = type == FileInfo.Type.FILE ? e.getSize() : 0;
        return new FileInfo(path, type, size, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), link,
                e.getLastModifiedDate().getTime() / 1000);
    }

    /** The current entry's bytes; closing it does not close the tar. */
    private static final class EntryStream extends FilterInputStream {
        EntryStream(InputStream tar) {
            super(tar);
        }

        @Override
        public void close() {
        }
    }
}
