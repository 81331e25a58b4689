package dev.drydock.dockerfile.rules;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files in a build context that should never be sent to a build: VCS history, environment files, private keys and
 * credential files (DD0017). The walk is bounded (at most {@link #MAX_ENTRIES} entries, depth {@link #MAX_DEPTH})
 * and never follows symbolic links.
 */
final class ContextSecrets {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_DEPTH = 8;

    /** Probe paths standing for each kind, checked against a .dockerignore when the context cannot be listed. */
    static final List<String> PROBES = List.of(".git", ".env", "key.pem", "id_rsa", ".npmrc", ".aws");

    private static final Set<String> NAMES = Set.of(".git", ".env", ".npmrc", ".pypirc", ".netrc", ".aws", ".ssh",
            "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".git-credentials");
    private static final Pattern PATTERNS = Pattern.compile("\\.env\\..+|.+\\.(pem|key|p12|pfx)");
    private static final Set<String> HARMLESS = Set.of(".env.example", ".env.sample", ".env.template", ".env.dist");
    private static final Set<String> NOT_WALKED = Set.of(".git", "node_modules", ".aws", ".ssh");

    /**
     * Sensitive paths (relative, {@code /}-separated) found in the context, and whether the walk saw everything.
     */
    record Found(List<String> paths, boolean complete) {
    }

    private ContextSecrets() {
    }

    static boolean sensitive(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return !HARMLESS.contains(n) && (NAMES.contains(n) || PATTERNS.matcher(n).matches());
    }

    static Found walk(Path context) {
        List<String> found = new ArrayList<>();
        boolean[] complete = {true};
        int[] entries = {0};
        try {
            Files.walkFileTree(context, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(context)) {
                                return FileVisitResult.CONTINUE;
                            }
                            return visit(dir, true);
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isDirectory() && !NOT_WALKED.contains(file.getFileName().toString())) {
                                complete[0] = false; // a directory at MAX_DEPTH: its contents are not seen
                            }
                            return visit(file, false);
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            complete[0] = false;
                            return FileVisitResult.CONTINUE;
                        }

                        private FileVisitResult visit(Path p, boolean dir) {
                            if (++entries[0] > MAX_ENTRIES) {
                                complete[0] = false;
                                return FileVisitResult.TERMINATE;
                            }
                            String name = p.getFileName().toString();
                            if (sensitive(name)) {
                                found.add(context.relativize(p).toString().replace('\\', '/'));
                            }
                            return dir && NOT_WALKED.contains(name) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            complete[0] = false;
        }
        java.util.Collections.sort(found); // directory listing order differs between file systems
        return new Found(List.copyOf(found), complete[0]);
    }
}
