package dev.drydock.imageconfig;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.analyzer.os.OsRelease;
import dev.drydock.image.Descriptor;
import dev.drydock.image.Digest;
import dev.drydock.image.Image;
import dev.drydock.image.ImageConfig;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayerContents;
import dev.drydock.layer.LayerMerger;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-data builder for {@link CheckInput}: an image config, one layer of files with modes and sizes, an inventory of
 * packages with the files they own, account databases as text. Unit tests of single checks use it; the real images are
 * in {@link ImageChecksImageTest}.
 */
final class TestInput {

    static final Digest LAYER = Digest.sha256Of("layer".getBytes(StandardCharsets.UTF_8));

    private String user;
    private final List<String> env = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Object> ports = new LinkedHashMap<>();
    private final Map<String, Object> volumes = new LinkedHashMap<>();
    private ImageConfig.Healthcheck healthcheck = new ImageConfig.Healthcheck(List.of("CMD", "/probe"), null, null, null, null);
    private final List<ImageConfig.History> history = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private String reference;
    private final List<FileInfo> files = new ArrayList<>();
    private final List<Package> packages = new ArrayList<>();
    private boolean inventory = true;
    private OperatingSystem os;
    private String passwd = "";
    private String shadow = "";
    private String group = "";
    private LocalDate today = LocalDate.parse("2026-01-15");

    static TestInput image() {
        return new TestInput();
    }

    TestInput user(String u) {
        user = u;
        return this;
    }

    TestInput env(String... e) {
        env.addAll(List.of(e));
        return this;
    }

    TestInput label(String k, String v) {
        labels.put(k, v);
        return this;
    }

    TestInput expose(String... specs) {
        for (String s : specs) {
            ports.put(s, Map.of());
        }
        return this;
    }

    TestInput volume(String... dirs) {
        for (String d : dirs) {
            volumes.put(d, Map.of());
        }
        return this;
    }

    TestInput group(String text) {
        group = text;
        return this;
    }

    TestInput healthcheck(String... test) {
        healthcheck = test.length == 0 ? null : new ImageConfig.Healthcheck(List.of(test), null, null, null, null);
        return this;
    }

    /** A history step that made a layer. */
    TestInput step(String createdBy) {
        history.add(new ImageConfig.History(null, createdBy, null, null, false));
        return this;
    }

    /** A history step that made no layer (ENV, USER, EXPOSE...). */
    TestInput emptyStep(String createdBy) {
        history.add(new ImageConfig.History(null, createdBy, null, null, true));
        return this;
    }

    TestInput tag(String t) {
        tags.add(t);
        return this;
    }

    TestInput reference(String r) {
        reference = r;
        return this;
    }

    TestInput file(String path, long size, int mode) {
        files.add(new FileInfo(path, FileInfo.Type.FILE, size, mode, 0, 0, "", 0));
        return this;
    }

    TestInput file(String path, long size) {
        return file(path, size, 0644);
    }

    TestInput dir(String path, int mode) {
        files.add(new FileInfo(path, FileInfo.Type.DIRECTORY, 0, mode, 0, 0, "", 0));
        return this;
    }

    TestInput symlink(String path, String target) {
        files.add(new FileInfo(path, FileInfo.Type.SYMLINK, 0, 0777, 0, 0, target, 0));
        return this;
    }

    TestInput device(String path, int mode) {
        files.add(new FileInfo(path, FileInfo.Type.CHAR_DEVICE, 0, mode, 0, 0, "", 0));
        return this;
    }

    /** A Debian package owning these files (as dpkg lists them, with a leading {@code /}). */
    TestInput pkg(String name, String version, String... owned) {
        packages.add(new Package("Debian:12", name, version, null, name, null, "amd64", List.of(), "var/lib/dpkg/status",
                null, false, List.of(), List.of(owned)));
        return this;
    }

    TestInput langPkg(String ecosystem, String name, String version) {
        packages.add(Package.of(ecosystem, name, version, null, "app/package-lock.json"));
        return this;
    }

    TestInput noInventory() {
        inventory = false;
        return this;
    }

    TestInput os(String id, String version) {
        os = OperatingSystem.of(new OsRelease(id, version, null, id + " " + version, List.of()), false, "etc/os-release");
        return this;
    }

    TestInput passwd(String text) {
        passwd = text;
        return this;
    }

    TestInput shadow(String text) {
        shadow = text;
        return this;
    }

    TestInput today(String date) {
        today = LocalDate.parse(date);
        return this;
    }

    CheckInput build() {
        ImageConfig.ContainerConfig cc = new ImageConfig.ContainerConfig(user, ports, env, null, null, volumes, null, labels,
                null, healthcheck, null);
        ImageConfig config = new ImageConfig("amd64", "linux", null, null, null, cc,
                new ImageConfig.RootFs("layers", List.of(LAYER)), history);
        Image.Layer layer = new Image.Layer(0, new Descriptor("application/vnd.oci.image.layer.v1.tar", LAYER, 0, null,
                null, null), LAYER, null, true);
        Image image = new Image("test", null, Digest.sha256Of("config".getBytes(StandardCharsets.UTF_8)), config,
                List.of(layer), tags);
        var view = LayerMerger.merge(List.of(new LayerContents(0, LAYER, files, List.of(), List.of(), List.of(), 0, 0)));
        Inventory inv = inventory ? new Inventory(Subject.directory("test"), os, packages, List.of()) : null;
        Accounts accounts = new Accounts(
                AccountsAnalyzer.parse(AccountFile.Kind.PASSWD, passwd).accounts(),
                AccountsAnalyzer.parse(AccountFile.Kind.SHADOW, shadow).accounts(),
                AccountsAnalyzer.parse(AccountFile.Kind.GROUP, group).accounts());
        return new CheckInput(image, reference, view, inv, os, accounts, null,
                Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }

    /** Runs one check on this input. */
    List<Finding> run(ImageCheck check) {
        return check.check(build());
    }
}
