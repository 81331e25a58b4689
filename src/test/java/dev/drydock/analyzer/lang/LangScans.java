package dev.drydock.analyzer.lang;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test support: offer a directory's files to analyzers as the layer walker would, and run real tools. */
public final class LangScans {

    private LangScans() {
    }

    /** Every regular file below root, offered by its root-relative path, as in a layer. */
    public static PackageList scan(Path root, Analyzer<PackageList> analyzer) throws IOException {
        List<Package> packages = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String path = root.relativize(f).toString().replace('\\', '/');
                FileInfo info = new FileInfo(path, FileInfo.Type.FILE, Files.size(f), 0644, 0, 0, "", 0);
                if (analyzer.required(path, info) && info.size() <= analyzer.maxFileSize()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        PackageList r = analyzer.analyze(new AnalysisInput(path, info, in, null));
                        if (r != null) {
                            packages.addAll(r.packages());
                            diagnostics.addAll(r.diagnostics());
                        }
                    }
                }
            }
        }
        return new PackageList(packages, diagnostics);
    }

    public static PackageList analyze(Analyzer<PackageList> analyzer, String path, byte[] content) throws IOException {
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, content.length, 0644, 0, 0, "", 0);
        return analyzer.analyze(new AnalysisInput(path, info, new ByteArrayInputStream(content), null));
    }

    public static PackageList analyze(Analyzer<PackageList> analyzer, String path, String content) throws IOException {
        return analyze(analyzer, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Set<String> nameAtVersion(PackageList list) {
        Set<String> out = new TreeSet<>();
        list.packages().forEach(p -> out.add(p.name() + "@" + p.version()));
        return out;
    }

    /**
     * A "42.zip"-style jar: {@code fanOut} stored copies of an archive, {@code levels} deep, around {@code fanOut}
     * deflated MiB of zeros: a few MiB of file that inflates to {@code fanOut^(levels+1)} MiB.
     */
    public static byte[] nestedZipBomb(int fanOut, int levels) throws IOException {
        byte[] zeros = new byte[1 << 20];
        byte[] inner = zip(fanOut, "zeros", zeros, java.util.zip.ZipEntry.DEFLATED);
        for (int i = 0; i < levels; i++) {
            inner = zip(fanOut, "lib.jar", inner, java.util.zip.ZipEntry.STORED);
        }
        return inner;
    }

    private static byte[] zip(int copies, String name, byte[] content, int method) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var crc = new java.util.zip.CRC32();
        crc.update(content);
        try (var z = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < copies; i++) {
                var e = new java.util.zip.ZipEntry(i + "-" + name);
                e.setMethod(method);
                if (method == java.util.zip.ZipEntry.STORED) {
                    e.setSize(content.length);
                    e.setCompressedSize(content.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(content);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in dir, returns its stdout; fails the test on a non-zero exit or after the timeout. */
    public static String run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        return run(dir, timeoutSeconds, java.util.Map.of(), command);
    }

    public static String run(Path dir, long timeoutSeconds, java.util.Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("drydock-test", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
