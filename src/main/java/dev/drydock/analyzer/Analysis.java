package dev.drydock.analyzer;

import dev.drydock.analyzer.os.OsRelease;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.image.Image;
import dev.drydock.image.ImageSource;
import dev.drydock.image.ImageSources;
import dev.drydock.image.Platform;
import dev.drydock.image.Progress;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.LayerContents;
import dev.drydock.layer.LayerMerger;
import dev.drydock.layer.LayersReport;
import dev.drydock.layer.MergedView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An analysed image: resolved, every layer walked (or taken from the cache) and merged. The pipeline's first half,
 * which every image command shares.
 */
public record Analysis(Image image, List<LayerResult> layers, MergedView view) {

    /** Opens REF with these options (login, registry transport, blob cache, progress), resolves it for the platform, walks and merges its layers. */
    public static Analysis of(String ref, Platform platform, List<Analyzer<?>> analyzers, LayerCache cache,
                              SourceOptions options) throws IOException {
        Progress progress = options.progress();
        try (ImageSource source = ImageSources.open(ref, options)) {
            Image image = source.resolve(platform);
            AtomicInteger done = new AtomicInteger();
            int total = image.layers().size();
            progress.layers(0, total);
            AnalysisRunner runner = new AnalysisRunner(analyzers, cache, AnalysisRunner.defaultThreads());
            List<LayerResult> results = runner.run(source, image, r -> progress.layers(done.incrementAndGet(), total));
            List<LayerContents> contents = new ArrayList<>();
            results.forEach(r -> contents.add(r.contents()));
            return new Analysis(image, results, LayerMerger.merge(contents));
        } finally {
            progress.finish();
        }
    }

    /** {@code drydock layers}: the analysis of REF with the built-in analyzers, as a report. */
    public static LayersReport layersReport(String ref, Platform platform, LayerCache cache, int top, SourceOptions options)
            throws IOException {
        OsReleaseAnalyzer osRelease = new OsReleaseAnalyzer();
        List<Analyzer<?>> analyzers = new ArrayList<>(Analyzers.builtIn());
        analyzers.replaceAll(a -> a.type().equals(osRelease.type()) ? osRelease : a);
        Analysis a = of(ref, platform, analyzers, cache, options);
        String os = osRelease.detect(a.view(), a.layers()).map(OsRelease::toString).orElse(null);
        List<LayerContents> contents = a.layers().stream().map(LayerResult::contents).toList();
        List<String> diagnostics = new ArrayList<>();
        a.layers().forEach(r -> diagnostics.addAll(r.diagnostics()));
        return LayersReport.of(a.image(), contents, a.view(), os, top, diagnostics);
    }
}
