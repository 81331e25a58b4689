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
        return of(Analysis.of(ref, platform, analyzers, cache, options), ref);
    }

    /**
     * The inventory of an analysis already made (by {@code Scanner}, which runs one analysis for every detector); it
     * must have run this scanner's package analyzers.
     *
     * @param ref the REF as the user wrote it
     */
    public Inventory of(Analysis a, String ref) {
        return inventory(subject(a.image(), ref), a.layers(), a.view(), true);
    }

    /** What was scanned, for an image. */
    public static Subject subject(Image image, String ref) {
        Digest digest = image.manifestDigest() != null ? image.manifestDigest() : image.configDigest();
        return new Subject(ref, digest.toString(), image.configDigest().toString(), image.tags(),
                image.config().created(), image.platform().toString());
    }

    /** A directory, as if it were an image of one layer; symlinks are not followed, {@code .git} is skipped. */
    public Inventory directory(Path dir) {
        return directory(dir, walkDirectory(dir));
    }

    /** Walks a directory as one layer with this scanner's analyzers (never cached). */
    public LayerResult walkDirectory(Path dir) {
        Digest id = Digest.sha256Of(("directory:" + dir.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8));
        return new AnalysisRunner(analyzers, null, 1).runDirectory(dir, id);
    }

    /** The inventory of a directory already walked by {@link #walkDirectory}. */
    public Inventory directory(Path dir, LayerResult layer) {
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
