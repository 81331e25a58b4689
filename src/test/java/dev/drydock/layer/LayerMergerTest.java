package dev.drydock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drydock.image.Digest;
import dev.drydock.layer.MergedView.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers written as one line each: {@code f:path:size}, {@code d:path}, {@code l:path>target}, {@code w:path}, {@code o:dir}. */
class LayerMergerTest {

    static final Digest D = Digest.sha256Of(new byte[0]);

    static LayerContents layer(int index, String spec) {
        List<FileInfo> files = new ArrayList<>();
        List<String> wh = new ArrayList<>();
        List<String> opq = new ArrayList<>();
        long bytes = 0;
        for (String e : spec.isBlank() ? new String[0] : spec.trim().split("\\s+")) {
            String[] p = e.split(":");
            switch (p[0]) {
                case "f" -> {
                    long size = Long.parseLong(p[2]);
                    files.add(new FileInfo(p[1], FileInfo.Type.FILE, size, 0644, 0, 0, "", 0));
                    bytes += size;
                }
                case "d" -> files.add(new FileInfo(p[1], FileInfo.Type.DIRECTORY, 0, 0755, 0, 0, "", 0));
                case "l" -> {
                    String[] lt = p[1].split(">");
                    files.add(new FileInfo(lt[0], FileInfo.Type.SYMLINK, 0, 0777, 0, 0, lt[1], 0));
                }
                case "w" -> wh.add(p[1]);
                case "o" -> opq.add(p[1]);
                default -> throw new IllegalArgumentException(e);
            }
        }
        return new LayerContents(index, D, files, wh, opq, List.of(), bytes, 0);
    }

    static MergedView merge(String... layers) {
        List<LayerContents> l = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            l.add(layer(i, layers[i]));
        }
        return LayerMerger.merge(l);
    }

    static List<String> paths(MergedView v) {
        return v.files().values().stream().map(o -> o.info().path() + "@" + o.layer()).toList();
    }

    @Test
    void laterLayersWinAndOwnersAreRecorded() {
        MergedView v = merge("d:etc f:etc/a:10 f:etc/b:5", "f:etc/a:20");
        assertThat(paths(v)).containsExactly("etc@0", "etc/a@1", "etc/b@0");
        assertThat(v.removed()).singleElement().satisfies(r -> {
            assertThat(r.info().path()).isEqualTo("etc/a");
            assertThat(r.info().size()).isEqualTo(10);
            assertThat(r.layer()).isEqualTo(0);
            assertThat(r.byLayer()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo(Reason.OVERWRITTEN);
        });
        assertThat(v.changes().get(1)).extracting("added", "modified", "removed").containsExactly(0, 1, 0);
    }

    @Test
    void whiteoutDeletesAPathAndItsTree() {
        MergedView v = merge("f:a:1 d:dir f:dir/x:2 f:dir/sub/y:3 f:dirx:4", "w:dir w:a w:absent");
        assertThat(paths(v)).containsExactly("dirx@0"); // dirx shares a prefix with dir, and survives
        assertThat(v.removed()).extracting(r -> r.info().path() + ":" + r.reason())
                .containsExactlyInAnyOrder("a:DELETED", "dir/x:DELETED", "dir/sub/y:DELETED");
        assertThat(v.changes().get(1).removed()).isEqualTo(3);
        assertThat(v.changes().get(1).removedBytes()).isEqualTo(6);
    }

    @Test
    void opaqueDirectoryHidesLowerLayersOnly() {
        MergedView v = merge("d:opt f:opt/old:1 f:opt/keep/k:2", "d:opt o:opt f:opt/new:3");
        assertThat(paths(v)).containsExactly("opt@1", "opt/new@1");
        assertThat(v.removed()).extracting(r -> r.info().path() + ":" + r.reason())
                .containsExactlyInAnyOrder("opt/old:OPAQUE_DIRECTORY", "opt/keep/k:OPAQUE_DIRECTORY");
    }

    @Test
    void aFileReplacingADirectoryReplacesItsTreeAndViceVersa() {
        MergedView v = merge("d:x f:x/a:1 f:y:2", "f:x:5 f:y/inner:6");
        assertThat(paths(v)).containsExactly("x@1", "y/inner@1");
        assertThat(v.removed()).extracting(r -> r.info().path()).containsExactlyInAnyOrder("x/a", "y");
    }

    @Test
    void deletedAndRecreatedInALaterLayer() {
        MergedView v = merge("f:s:7", "w:s", "f:s:8");
        assertThat(paths(v)).containsExactly("s@2");
        assertThat(v.removed()).extracting(r -> r.info().size() + ":" + r.reason()).containsExactly("7:DELETED");
    }

    @Test
    void symlinksResolveInsideTheImageAndLoopsAreFound() {
        MergedView v = merge("d:usr d:usr/lib f:usr/lib/os-release:10 d:etc l:etc/os-release>../usr/lib/os-release"
                + " l:abs>/usr/lib l:a>b l:b>a l:up>../../../usr");
        assertThat(v.resolve("/etc/os-release")).isInstanceOf(MergedView.Found.class)
                .extracting(l -> ((MergedView.Found) l).path()).isEqualTo("usr/lib/os-release");
        assertThat(v.resolve("abs/os-release")).isInstanceOf(MergedView.Found.class);
        assertThat(v.resolve("up/lib/os-release")).isInstanceOf(MergedView.Found.class); // .. stops at the root
        assertThat(v.resolve("nope")).isInstanceOf(MergedView.NotFound.class);
        assertThat(v.resolve("a")).isInstanceOfSatisfying(MergedView.Loop.class,
                l -> assertThat(l.message()).startsWith("symlink loop resolving /a: /a -> /b -> /a"));
        assertThat(v.symlinkLoops()).hasSize(2);
    }

    // Efficiency, checked against dive's rules (dive/filetree/efficiency.go, dive/image/analysis.go):

    @Test
    void noDuplicatesMeansFullEfficiency() {
        Efficiency e = merge("f:a:100", "f:b:50").efficiency();
        assertThat(e.score()).isEqualTo(1.0);
        assertThat(e.wastedBytes()).isZero();
        assertThat(e.userBytes()).isEqualTo(50);
    }

    @Test
    void overwrittenFileCountsEveryCopyAsWasted() {
        // a: nodes 100, 60 → cumulative 160, min 60; b: 40. score = (60+40)/(160+40) = 0.5
        Efficiency e = merge("f:a:100 f:b:40", "f:a:60").efficiency();
        assertThat(e.score()).isCloseTo(0.5, within(1e-9));
        assertThat(e.wastedBytes()).isEqualTo(160);
        assertThat(e.userWastedPercent()).isCloseTo(160.0 / 60, within(1e-9));
        assertThat(e.inefficiencies()).containsExactly(new Efficiency.Inefficiency("a", 2, 160));
    }

    @Test
    void deletedFileWeighsZeroInTheWhiteoutLayer() {
        // f: nodes 100 and a 0-byte whiteout → cumulative 100, min 0
        Efficiency e = merge("f:f:100 f:g:100", "w:f").efficiency();
        assertThat(e.score()).isCloseTo(100.0 / 200, within(1e-9));
        assertThat(e.wastedBytes()).isEqualTo(100);
        assertThat(e.userWastedPercent()).isZero(); // the whiteout layer adds no bytes: dive reports 0 rather than divide by 0
    }

    @Test
    void deletedDirectoryWeighsItsTree() {
        // dive: the whiteout of a directory weighs the deleted tree (10 + 20); the path has one node, so no waste there
        Efficiency e = merge("d:d f:d/x:10 f:d/y:20", "w:d").efficiency();
        assertThat(e.wastedBytes()).isZero();
        assertThat(e.score()).isEqualTo(1.0);
        assertThat(Arrays.asList(e.inefficiencies().toArray())).isEmpty();
    }
}
