package dev.drydock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.image.Image;
import dev.drydock.image.ImageSource;
import dev.drydock.image.ImageSources;
import dev.drydock.image.archive.BuildahImages;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Subject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image rules on images buildah really built: an application image FROM a base image named
 * {@code quay.io/acme/base:1} (built locally, never pulled), once running as root and once as uid 1000. buildah
 * records the base in the OCI manifest's annotations, which is where {@link ImageFacts} finds it.
 */
class PolicyImageTest {

    static final Path WORK = Path.of("target", "policy-images").toAbsolutePath();
    static String skip;

    @BeforeAll
    static void build() throws Exception {
        if (!BuildahImages.onPath("buildah")) {
            skip = "buildah is not installed (run .ci/install-image-tools.sh)";
            return;
        }
        if (Files.exists(WORK.resolve("done"))) {
            return;
        }
        BuildahImages.deleteTree(WORK);
        Path base = Files.createDirectories(WORK.resolve("base"));
        Files.writeString(base.resolve("hello"), "hello\n");
        Files.writeString(base.resolve("Containerfile"), "FROM scratch\nCOPY hello /hello\n");
        buildah("bud", "--isolation", "chroot", "-t", "quay.io/acme/base:1", base.toString());
        for (String user : List.of("root", "app")) {
            Path ctx = Files.createDirectories(WORK.resolve(user));
            Files.writeString(ctx.resolve("Containerfile"), "FROM quay.io/acme/base:1\nENV ROLE=" + user + "\n" + (user.equals("app") ? "USER 1000:1000\n" : ""));
            buildah("bud", "--isolation", "chroot", "-t", "localhost/policy-" + user + ":1", ctx.toString());
            buildah("push", "localhost/policy-" + user + ":1", "oci-archive:" + WORK.resolve(user + ".tar"));
        }
        Files.writeString(WORK.resolve("done"), "");
    }

    static void buildah(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("buildah", "--root", WORK.resolve("storage").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(WORK.resolve("buildah.log").toFile()).start();
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(WORK.resolve("buildah.log")));
        }
    }

    /** The manifest's annotations, read from the OCI archive (index.json → manifest blob): what the image command passes. */
    static Map<String, String> annotations(Path archive) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (TarFile tar = new TarFile(archive.toFile())) {
            Map<String, TarArchiveEntry> entries = new HashMap<>();
            tar.getEntries().forEach(e -> entries.put(e.getName().replaceFirst("^\\./", ""), e));
            JsonNode index;
            try (InputStream in = tar.getInputStream(entries.get("index.json"))) {
                index = json.readTree(in);
            }
            String digest = index.path("manifests").get(0).path("digest").asText().replace(':', '/');
            try (InputStream in = tar.getInputStream(entries.get("blobs/" + digest))) {
                Map<String, String> out = new HashMap<>();
                json.readTree(in).path("annotations").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
                return out;
            }
        }
    }

    static ScanReport verdict(String user, PolicyConfig config) throws Exception {
        Path archive = WORK.resolve(user + ".tar");
        Image image;
        try (ImageSource src = ImageSources.open("oci-archive:" + archive)) {
            image = src.resolve(null);
        }
        ScanReport report = new ScanReport(ScanReport.SCHEMA_VERSION, new Subject("oci-archive:" + archive,
                image.configDigest().toString(), image.configDigest().toString(), List.of(), null, "linux/amd64"),
                null, null, null, List.of(), List.of(), null);
        // what the image source keeps of the manifest is what the test reads from the archive by hand
        assertThat(image.annotations()).isEqualTo(annotations(archive)).containsKey(ImageFacts.BASE_NAME);
        ImageFacts facts = ImageFacts.of(image.config(), image.annotations(), report);
        return Policy.apply(report, config, Ignores.NONE, List.of(), PolicyFixtures.TODAY, facts);
    }

    @Test
    void untrustedBaseRegistryAndRootUser() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        Path cfg = PolicyFixtures.write(Files.createTempDirectory("policy"), ".drydock.yaml", """
                trusted-registries: [docker.io, ghcr.io]
                require-non-root: true
                require-digest-pinned-base: true
                """);
        PolicyConfig c = PolicyConfigs.read(cfg);
        ScanReport root = verdict("root", c);
        assertThat(root.verdict().rule()).isEqualTo("require-non-root, trusted-registries, require-digest-pinned-base");
        assertThat(root.verdict().reasons()).containsExactly(
                "require-non-root: the image runs as root (no USER is set); add a USER with a non-zero uid",
                "trusted-registries: the base image quay.io/acme/base:1 comes from quay.io, which is not a trusted registry (docker.io, ghcr.io)",
                "require-digest-pinned-base: the base image quay.io/acme/base:1 is named by tag, not by digest"
                        + " (write FROM quay.io/acme/base@sha256:…, as `drydock dockerfile --fix` can)");
        ScanReport app = verdict("app", c);
        assertThat(app.verdict().rule()).isEqualTo("trusted-registries, require-digest-pinned-base");
        PolicyConfig trustingQuay = PolicyConfigs.read(PolicyFixtures.write(Files.createTempDirectory("policy"), ".drydock.yaml",
                "trusted-registries: [quay.io]\nallowed-base-images: [\"quay.io/acme/*\"]\nrequire-non-root: true\n"));
        assertThat(verdict("app", trustingQuay).verdict().passed()).isTrue();
    }
}
