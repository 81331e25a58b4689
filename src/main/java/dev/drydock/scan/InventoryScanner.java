package dev.drydock.scan;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.AnalysisRunner;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFiles;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFilesAnalyzer;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.image.Digest;
import dev.drydock.image.Image;
import dev.drydock.image.Platform;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.LayerMerger;
import dev.drydock.layer.MergedView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the analyzers over an image or a directory and merges what they found into an {@link Inventory}. */
public final class InventoryScanner {

    private final List<Analyzer<?>> analyzers;
    private final OsReleaseAnalyzer osRelease;

    /** With the built-in analyzers. */
    public InventoryScanner() {
        this(Analyzers.builtIn());
    }

    /** With these analyzers (an {@code os-release} one is added when missing: the OS decides OS packages' ecosystem). */
    public InventoryScanner(List<Analyzer<?>> analyzers) {
        OsReleaseAnalyzer os = new OsReleaseAnalyzer();
        List<Analyzer<?>> all = new ArrayList<>(analyzers);
        if (all.stream().noneMatch(a -> a.type().equals(os.type()))) {
            all.add(os);
        }
        OsReleaseAnalyzer found = os;
        for (Analyzer<?> a : all) {
            if (a instanceof OsReleaseAnalyzer o) {
                found = o;
            }
        }
        this.osRelease = found;
        this.analyzers = Analyzers.of(all);
    }

    /** The image REF for this platform (null: the default), through the layer cache (null: none). */
    public Inventory image(String ref, Platform platform, LayerCache cache, SourceOptions options) throws IOException {
        Analysis a = Analysis.of(ref, platform, analyzers, cache, options);
        Image image = a.image();
        Digest digest = image.manifestDigest() != null ? image.manifestDigest() : image.configDigest();
        Subject subject = new Subject(ref, digest.toString(), image.configDigest().toString(), image.tags(),
                image.config().created(), image.platform().toString());
        return inventory(subject, a.layers(), a.view(), true);
    }

    /** A directory, as if it were an image of one layer; symlinks are not followed, {@code .git} is skipped. */
    public Inventory directory(Path dir) {
        Digest id = Digest.sha256Of(("directory:" + dir.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8));
        LayerResult layer = new AnalysisRunner(analyzers, null, 1).runDirectory(dir, id);
        MergedView view = LayerMerger.merge(List.of(layer.contents()));
        return inventory(Subject.directory(dir.toString()), List.of(layer), view, false);
    }

    private Inventory inventory(Subject subject, List<LayerResult> layers, MergedView view, boolean attributeLayers) {
        OperatingSystem os = osRelease.identify(view, layers).orElse(null);
        return Inventory.of(subject, layers, view, packageAnalyzers(analyzers), dpkgFiles(layers, view), os,
                attributeLayers);
    }

    /** The {@code dpkg/info/*.list} files of the final filesystem, each from the layer that last wrote it. */
    private List<DpkgFiles> dpkgFiles(List<LayerResult> layers, MergedView view) {
        List<DpkgFiles> out = new ArrayList<>();
        for (Analyzer<?> a : analyzers) {
            if (a instanceof DpkgFilesAnalyzer files) {
                for (int i = 0; i < layers.size(); i++) {
                    for (LayerResult.Found<DpkgFiles> f : layers.get(i).results(files)) {
                        MergedView.Owned owner = view.files().get(f.path());
                        if (owner != null && owner.layer() == i) {
                            out.add(f.value());
                        }
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Analyzer<PackageList>> packageAnalyzers(List<Analyzer<?>> analyzers) {
        List<Analyzer<PackageList>> out = new ArrayList<>();
        for (Analyzer<?> a : analyzers) {
            if (a.resultType() == PackageList.class) {
                out.add((Analyzer<PackageList>) a);
            }
        }
        return out;
    }
}
