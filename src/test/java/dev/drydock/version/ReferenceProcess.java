package dev.drydock.version;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference implementation (dpkg's Perl module, rpm's Python bindings, packaging, Ruby's Gem::Version) once
 * for a whole batch: every input line on stdin, one answer line per input line on stdout. One process per batch,
 * never one per pair.
 */
final class ReferenceProcess {

    private static final long TIMEOUT_SECONDS = 300;

    private ReferenceProcess() {
    }

    /** The path of an oracle script under src/test/resources/dev/drydock/version/oracle/. */
    static String script(String name) {
        try {
            return Path.of(ReferenceProcess.class.getResource("oracle/" + name).toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource oracle/" + name + " is missing", e);
        }
    }

    /**
     * Why {@code command} cannot serve as an oracle (it is missing, or fails on a probe line, or answers it wrongly),
     * or {@code null} when it works.
     */
    static String unavailable(List<String> command, String probe, String expected) {
        try {
            List<String> out = run(command, List.of(probe));
            if (out.size() != 1 || !out.get(0).equals(expected)) {
                return String.join(" ", command) + " answered " + out + " to '" + probe + "', expected " + expected;
            }
            return null;
        } catch (RuntimeException e) {
            return String.join(" ", command) + " does not run: " + e.getMessage();
        }
    }

    /** Feeds {@code lines} to {@code command} and returns its stdout lines; fails when it exits non-zero. */
    static List<String> run(List<String> command, List<String> lines) {
        Path stderr = null;
        try {
            stderr = Files.createTempFile("drydock-oracle", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .start();
            CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (String line : lines) {
                        w.write(line);
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            feeder.join();
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ": "
                        + Files.readString(stderr).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
