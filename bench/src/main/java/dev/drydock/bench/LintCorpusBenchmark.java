package dev.drydock.bench;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.DockerfileParser;
import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.dockerfile.rules.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses and lints every Dockerfile of the corpus (../shared/corpus/dockerfiles) in one JVM, as `drydock dockerfile`
 * does for each file: one operation is one file, so the score is files per second (target: 1,000/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintCorpusBenchmark {

    @Param("../shared/corpus/dockerfiles")
    public String corpus;

    private final List<String[]> files = new ArrayList<>();
    private Linter linter;
    private int next;

    @Setup
    public void load() throws IOException {
        Path root = Path.of(corpus);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root.toAbsolutePath() + " is absent: the corpus benchmark needs ../shared");
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(x -> isDockerfile(x.getFileName().toString())).sorted().toList()) {
                files.add(new String[] {root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)});
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no Dockerfiles under " + root.toAbsolutePath());
        }
        linter = new Linter(LintConfig.DEFAULT);
    }

    /** {@code Dockerfile}, {@code Dockerfile.alpine}, {@code 3.12__alpine__Dockerfile.Dockerfile}, {@code api.dockerfile}. */
    static boolean isDockerfile(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.startsWith("dockerfile") || n.endsWith(".dockerfile");
    }

    @Benchmark
    public void parseAndLintOneFile(Blackhole bh) throws Exception {
        String[] f = files.get(next);
        next = (next + 1) % files.size();
        Dockerfile df = DockerfileParser.parse(f[0], f[1]);
        bh.consume(linter.lint(df, null));
    }
}
