package dev.drydock.analyzer.ospkg.dpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian bookworm root filesystem from {@code debootstrap --variant=minbase bookworm DIR}, cached in a stable
 * temporary directory so later runs (and other test classes) reuse it. Built into a sibling directory and renamed, so a
 * half-built root is never used.
 */
public final class DebianRoot {

    public static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "drydock-debootstrap-bookworm");
    private static String skip;
    private static boolean tried;

    private DebianRoot() {
    }

    /** Returns null when the root is there, else why not. */
    public static synchronized String ensure() throws IOException, InterruptedException {
        if (Files.isRegularFile(ROOT.resolve("var/lib/dpkg/status"))) {
            return null;
        }
        if (tried) {
            return skip;
        }
        tried = true;
        if (!Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
            return skip = "debootstrap is not installed (run .ci/install-inventory-tools.sh)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return skip = "debootstrap needs root";
        }
        Path part = Path.of(ROOT + ".part." + ProcessHandle.current().pid());
        Process p = new ProcessBuilder(List.of("/usr/sbin/debootstrap", "--variant=minbase", "bookworm", part.toString(),
                "http://deb.debian.org/debian")).redirectErrorStream(true)
                .redirectOutput(Path.of(part + ".log").toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            return skip = "debootstrap failed (Debian mirror unreachable?): see " + part + ".log";
        }
        Files.move(part, ROOT);
        return null;
    }
}
