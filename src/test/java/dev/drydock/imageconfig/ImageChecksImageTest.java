package dev.drydock.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.ospkg.dpkg.DebianRoot;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.archive.BuildahImages;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.InventoryScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on real images built by buildah: the debootstrapped Debian bookworm root with a few bad habits added
 * (which must trigger the root, shell, package-manager, setuid, cache... checks with the owning packages dpkg names), and
 * a minimal image (scratch, one static file, a numeric USER, a HEALTHCHECK) which must trigger none. Both go through
 * the whole pipeline: docker-archive source, layer walker, analyzers (with {@link AccountsAnalyzer}), layer cache,
 * inventory, then {@link ImageChecks#run}. The images are cached beside the Debian root (/tmp), keyed by their
 * Dockerfile.
 */
class ImageChecksImageTest {

    static final Path DEBIAN = Path.of(DebianRoot.ROOT + "-imagechecks");
    static final Path MINIMAL = BuildahImages.WORK.resolveSibling("imagechecks-minimal");
    /** A day Debian 12 is supported on (its security support ends 2028-06-30 with LTS, as EndOfLife knows it). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);

    static final String DEBIAN_DOCKERFILE = """
            FROM scratch
            ADD rootfs.tar /
            RUN useradd --create-home --uid 1000 --password '%s' app \\
             && mkdir -p /root/.ssh && echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Qta2V5LW5vdC1yZWFs ci@example' > /root/.ssh/authorized_keys \\
             && echo 'ls -la' > /root/.bash_history && chmod 0777 /opt && echo shared > /srv/shared && chmod 0666 /srv/shared
            ADD extra.tar /srv/extra/
            ENV APP_TOKEN=%s
            EXPOSE 22 5432
            CMD ["bash"]
            """.formatted(ImageChecksTest.HASH, ImageChecksTest.GHP);

    static final String MINIMAL_DOCKERFILE = """
            FROM scratch
            COPY app /app
            USER 10001
            HEALTHCHECK --interval=30s CMD ["/app", "--health"]
            ENTRYPOINT ["/app"]
            """;

    @TempDir
    Path dir;

    @Test
    void debianImageTriggersTheChecksWithRealOwnersAndSizes() throws Exception {
        String skip = DebianRoot.ensure();
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assumeTrue(BuildahImages.onPath("buildah"), "skipped: buildah is not installed (run .ci/install-image-tools.sh)");
        Path archive = build(DEBIAN, DEBIAN_DOCKERFILE, "drydock-imagechecks-debian:latest", ctx -> {
            exec(DEBIAN, List.of("tar", "-C", DebianRoot.ROOT.toString(), "--numeric-owner", "--exclude=./dev/*", "-cf",
                    ctx.resolve("rootfs.tar").toString(), "."));
            exec(DEBIAN, List.of("tar", "-C", DebianRoot.ROOT.resolve("etc").toString(), "-cf",
                    ctx.resolve("extra.tar").toString(), "hostname"));
        });
        List<Finding> findings = scan("docker-archive:" + archive);
        if (Boolean.getBoolean("drydock.dumpFindings")) {
            findings.forEach(f -> System.err.println(f.id() + " " + f.severity() + " " + f.aliases() + " | " + f.title()
                    + " | " + f.description() + " | " + f.location()));
        }

        assertThat(findings).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.MISCONFIGURATION);
            assertThat(f.target()).isIn("image config", "filesystem");
            assertThat(f.title() + f.description()).doesNotContain(ImageChecksTest.GHP).doesNotContain("$y$");
        });
        assertThat(findings).extracting(Finding::id).doesNotContain("DI0008", "DI0014", "DI0020", "DI0021", "DI0022", "DI0017",
                "DI0018", "DI0019").contains("DI0001", "DI0002", "DI0003", "DI0004", "DI0005", "DI0006", "DI0007", "DI0009",
                "DI0010", "DI0011", "DI0012", "DI0013", "DI0015", "DI0016");
        assertThat(titles(findings, "DI0001")).containsExactly("Image runs as root: no USER is set");
        assertThat(titles(findings, "DI0003")).containsExactly("GitHub personal access token (classic) in ENV APP_TOKEN");
        assertThat(titles(findings, "DI0005")).containsExactly("World-writable directory /opt", "World-writable file /srv/shared");
        assertThat(titles(findings, "DI0009")).containsExactly("Password hash for user app in /etc/shadow");
        assertThat(titles(findings, "DI0010")).containsExactly("SSH authorized_keys /root/.ssh/authorized_keys");
        assertThat(titles(findings, "DI0011")).containsExactly("History file /root/.bash_history");
        assertThat(titles(findings, "DI0012")).containsExactly("Sensitive port 22/tcp (SSH) is exposed",
                "Sensitive port 5432/tcp (PostgreSQL) is exposed");
        // buildah's docker-archive records docker.io/library/NAME:TAG first, then localhost/NAME:TAG
        assertThat(titles(findings, "DI0013")).containsExactly("Image tagged latest: docker.io/library/drydock-imagechecks-debian:latest");
        // the base's "ADD file:… in /" is not reported, the later ADD is (buildah: /bin/sh -c #(nop) ADD file:HASH in /srv/extra/)
        assertThat(findings).filteredOn(f -> f.id().equals("DI0007")).singleElement().satisfies(f -> {
            assertThat(f.title()).startsWith("ADD in history: file:").endsWith(" in /srv/extra/");
            assertThat(f.location().configField()).isEqualTo("history[2]");
            assertThat(f.location().layerIndex()).isEqualTo(2);
        });

        // setuid/setgid: exactly what find(1) lists in the root, each with the package dpkg-query -S names
        TreeMap<String, String> expected = new TreeMap<>();
        for (String file : exec(DEBIAN, List.of("find", DebianRoot.ROOT.toString(), "-xdev", "-perm", "/6000", "-type", "f"))
                .lines().toList()) {
            String path = DebianRoot.ROOT.relativize(Path.of(file)).toString();
            expected.put(path, dpkgOwner(path));
        }
        Map<String, String> actual = findings.stream().filter(f -> f.id().equals("DI0004"))
                .collect(Collectors.toMap(f -> f.location().path(), f -> f.description(), (a, b) -> a, TreeMap::new));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, owner) -> assertThat(actual.get(path)).as(path).contains("package " + owner + " "));

        // the apt index debootstrap leaves: its size is the sum of the files in the root
        long lists;
        try (Stream<Path> s = Files.list(DebianRoot.ROOT.resolve("var/lib/apt/lists"))) {
            lists = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().equals("lock"))
                    .mapToLong(ImageChecksImageTest::size).sum();
        }
        assertThat(findings).filteredOn(f -> f.id().equals("DI0006") && f.location().path().equals("var/lib/apt/lists"))
                .singleElement().satisfies(f -> assertThat(f.description()).contains("(" + lists + " bytes)"));

        // shells and package managers: one finding per package dpkg names, the program's size as on disk
        List<String> shells = titles(findings, "DI0015");
        assertThat(shells).hasSize(2);
        assertThat(shells.get(0)).startsWith("Shell in the final image: bash, rbash (package " + dpkgOwner("usr/bin/bash") + ",");
        assertThat(shells.get(1)).startsWith("Shell in the final image: dash, sh (package " + dpkgOwner("usr/bin/dash") + ",");
        Finding bash = findings.stream().filter(f -> f.id().equals("DI0015")).findFirst().orElseThrow();
        assertThat(bash.description()).contains("/usr/bin/bash (" + dev.drydock.layer.LayersReport.bytes(
                size(DebianRoot.ROOT.resolve("usr/bin/bash"))) + ")");
        assertThat(bash.description()).contains("installs " + dev.drydock.layer.LayersReport.bytes(installed("bash")));
        assertThat(titles(findings, "DI0016")).anySatisfy(t -> assertThat(t).startsWith(
                "Package manager in the final image: apt, apt-get (package apt,"))
                .anySatisfy(t -> assertThat(t).startsWith("Package manager in the final image: dpkg (package dpkg,"));
    }

    @Test
    void minimalImageTriggersNothing() throws Exception {
        assumeTrue(BuildahImages.onPath("buildah"), "skipped: buildah is not installed (run .ci/install-image-tools.sh)");
        Path archive = build(MINIMAL, MINIMAL_DOCKERFILE, "drydock-imagechecks-minimal:1.0", ctx -> {
            Files.writeString(ctx.resolve("app"), "a static binary stands here\n");
            Files.setPosixFilePermissions(ctx.resolve("app"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        });
        assertThat(scan("docker-archive:" + archive)).isEmpty();
    }

    private List<Finding> scan(String ref) throws Exception {
        List<Analyzer<?>> analyzers = new ArrayList<>(Analyzers.builtIn());
        AccountsAnalyzer accounts = analyzers.stream().filter(a -> a instanceof AccountsAnalyzer)
                .map(a -> (AccountsAnalyzer) a).findFirst().orElseThrow();
        LayerCache cache = new LayerCache(dir.resolve("cache"));
        Inventory inventory = new InventoryScanner(analyzers).image(ref, null, cache, SourceOptions.defaults());
        Analysis analysis = Analysis.of(ref, null, Analyzers.of(analyzers), cache, SourceOptions.defaults());
        CheckInput input = CheckInput.of(analysis, ref, inventory, accounts, null, CLOCK);
        long start = System.nanoTime();
        List<Finding> findings = ImageChecks.run(input);
        if (Boolean.getBoolean("drydock.dumpFindings")) {
            System.err.printf("%s: %d files, %d packages, checks ran in %d ms%n", ref, analysis.view().files().size(),
                    inventory.packages().size(), (System.nanoTime() - start) / 1_000_000);
        }
        return findings;
    }

    static List<String> titles(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).map(Finding::title).toList();
    }

    /** The package dpkg says owns a file of the root, trying the path behind Debian's /bin -> usr/bin links too. */
    static String dpkgOwner(String path) throws Exception {
        for (String p : List.of("/" + path, "/" + path.replaceFirst("^usr/", ""))) {
            Process proc = new ProcessBuilder("dpkg-query", "--admindir=" + DebianRoot.ROOT.resolve("var/lib/dpkg"), "-S", p)
                    .redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (proc.waitFor() == 0) {
                return out.substring(0, out.indexOf(':'));
            }
        }
        return "(none)";
    }

    /** The bytes of a package's files in the root, each regular file once (what the check sums from the image). */
    static long installed(String pkg) throws Exception {
        TreeSet<String> seen = new TreeSet<>();
        long total = 0;
        Path root = DebianRoot.ROOT.toRealPath();
        for (String line : Files.readAllLines(root.resolve("var/lib/dpkg/info/" + pkg + ".list"))) {
            Path p = root.resolve(line.substring(1));
            if (!line.equals("/.") && Files.isRegularFile(p)) {
                Path real = p.toRealPath();
                if (real.startsWith(root) && seen.add(real.toString())) {
                    total += Files.size(real);
                }
            }
        }
        return total;
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Context {
        void fill(Path ctx) throws Exception;
    }

    /** Builds the image with buildah (docker format, so HEALTHCHECK is kept) unless an earlier run did, from the same Dockerfile. */
    static synchronized Path build(Path work, String dockerfile, String tag, Context context) throws Exception {
        Path archive = work.resolve("image.docker.tar");
        if (Files.exists(work.resolve("done")) && Files.readString(work.resolve("done")).equals(dockerfile)) {
            return archive;
        }
        BuildahImages.deleteTree(work);
        Path ctx = Files.createDirectories(work.resolve("ctx"));
        context.fill(ctx);
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        List<String> buildah = List.of("buildah", "--root", work.resolve("storage").toString(), "--runroot",
                work.resolve("run").toString(), "--storage-driver", "vfs");
        List<String> bud = new ArrayList<>(buildah);
        bud.addAll(List.of("bud", "--format", "docker", "--isolation", "chroot", "--layers", "-t", tag, ctx.toString()));
        exec(work, bud);
        List<String> push = new ArrayList<>(buildah);
        push.addAll(List.of("push", tag, "docker-archive:" + archive + ":" + tag));
        exec(work, push);
        List<String> rmi = new ArrayList<>(buildah);
        rmi.addAll(List.of("rmi", "--all", "--force"));
        exec(work, rmi);
        BuildahImages.deleteTree(work.resolve("storage"));
        BuildahImages.deleteTree(ctx);
        Files.writeString(work.resolve("done"), dockerfile);
        return archive;
    }

    static String exec(Path work, List<String> cmd) throws Exception {
        Files.createDirectories(work);
        Path log = work.resolve("tools.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(log.toFile())
                .redirectError(work.resolve("tools.err").toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(log)
                    + Files.readString(work.resolve("tools.err")));
        }
        return Files.readString(log);
    }
}
