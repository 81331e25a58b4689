package dev.drydock.layer;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a directory as if it were one layer, offering its regular files to the same {@link LayerWalker.Visitor} the
 * layer walker feeds. Symlinks are recorded, never followed (so nothing outside the root is read); {@code .git} is
 * skipped; the walk is bounded in depth and entries, and stops with a diagnostic when a bound is reached. Entries
 * come in sorted order so the result does not depend on the file system's order.
 */
public final class DirectoryWalker {

    /** A directory deeper than this is not entered; more entries than {@link #MAX_ENTRIES} end the walk. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ENTRIES = 1_000_000;

    private DirectoryWalker() {
    }

    /**
     * @param root the directory; anything else fails with an {@link InputException}
     * @param id   the digest standing for this directory in results
     */
    public static LayerContents walk(Path root, Digest id, LayerWalker.Visitor visitor) {
        return walk(root, id, visitor, MAX_DEPTH, MAX_ENTRIES);
    }

    static LayerContents walk(Path given, Digest id, LayerWalker.Visitor visitor, int maxDepth, int maxEntries) {
        if (!Files.isDirectory(given)) {
            throw new InputException(given + ": " + (Files.exists(given) ? "not a directory" : "no such directory"));
        }
        Path root;
        try {
            root = given.toRealPath(); // the root itself may be a symlink (/tmp on some systems); nothing below it is followed
        } catch (IOException e) {
            throw new InputException(given + ": cannot resolve directory: " + e.getMessage(), e);
        }
        Walk w = new Walk(root, visitor, maxDepth, maxEntries);
        try {
            w.directory(root, 0);
        } catch (IOException e) {
            throw new InputException(root + ": cannot read directory: " + e.getMessage(), e);
        }
        return new LayerContents(0, id, w.files, List.of(), List.of(), w.diagnostics, w.bytes, 0);
    }

    private static final class Walk {
        final Path root;
        final LayerWalker.Visitor visitor;
        final int maxDepth;
        final int maxEntries;
        final List<FileInfo> files = new ArrayList<>();
        final List<String> diagnostics = new ArrayList<>();
        long bytes;
        boolean stopped;

        Walk(Path root, LayerWalker.Visitor visitor, int maxDepth, int maxEntries) {
            this.root = root;
            this.visitor = visitor;
            this.maxDepth = maxDepth;
            this.maxEntries = maxEntries;
        }

        /** Depth-first in name order; a FileVisitor would not give a sorted order. */
        void directory(Path dir, int depth) throws IOException {
            List<Path> children;
            try (var s = Files.list(dir)) {
                children = new ArrayList<>(s.toList());
            } catch (IOException e) {
                if (dir.equals(root)) {
                    throw e;
                }
                diagnostics.add(root + ": cannot list /" + relative(dir) + ": " + e.getMessage());
                return;
            }
            children.sort(null);
            for (Path child : children) {
                if (stopped) {
                    return;
                }
                entry(child, depth + 1);
            }
        }

        void entry(Path p, int depth) throws IOException {
            String rel = relative(p);
            if (p.getFileName().toString().equals(".git")) {
                return;
            }
            if (files.size() >= maxEntries) {
                diagnostics.add(root + ": more than " + maxEntries + " entries; the rest of the directory is not scanned");
                stopped = true;
                return;
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                diagnostics.add(root + ": cannot stat /" + rel + ": " + e.getMessage());
                return;
            }
            FileInfo.Type type = a.isDirectory() ? FileInfo.Type.DIRECTORY : a.isSymbolicLink() ? FileInfo.Type.SYMLINK
                    : a.isRegularFile() ? FileInfo.Type.FILE : null;
            if (type == null) {
                return; // sockets, devices, fifos: nothing an analyzer reads
            }
            String link = type == FileInfo.Type.SYMLINK ? Files.readSymbolicLink(p).toString() : "";
            long size = type == FileInfo.Type.FILE ? a.size() : 0;
            FileInfo info = new FileInfo(rel, type, size, mode(p), 0, 0, link, a.lastModifiedTime().toMillis() / 1000);
            files.add(info);
            bytes += size;
            if (type == FileInfo.Type.DIRECTORY) {
                if (depth >= maxDepth) {
                    diagnostics.add(root + ": /" + rel + " is deeper than " + maxDepth + " levels; not scanned");
                } else {
                    directory(p, depth);
                }
            } else if (type == FileInfo.Type.FILE && size > 0 && visitor.wants(info)) {
                try (InputStream in = Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    visitor.visit(info, in);
                } catch (IOException e) {
                    diagnostics.add(root + ": cannot read /" + rel + ": " + e.getMessage());
                }
            }
        }

        String relative(Path p) {
            List<String> parts = new ArrayList<>();
            root.relativize(p).forEach(n -> parts.add(n.toString()));
            return String.join("/", parts);
        }

        private static int mode(Path p) {
            try {
                Set<PosixFilePermission> perms = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .permissions();
                int m = 0;
                for (PosixFilePermission perm : EnumSet.allOf(PosixFilePermission.class)) {
                    if (perms.contains(perm)) {
                        m |= 1 << (8 - perm.ordinal());
                    }
                }
                return m;
            } catch (IOException | UnsupportedOperationException e) {
                return 0644;
            }
        }
    }
}
