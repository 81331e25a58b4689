package dev.drydock.analyzer;

import dev.drydock.DrydockException;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Digest;
import dev.drydock.image.Image;
import dev.drydock.image.ImageSource;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayerContents;
import dev.drydock.layer.DirectoryWalker;
import dev.drydock.layer.LayerWalker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Walks an image's layers in parallel (a bounded pool), each exactly once, offering files to the analyzers that asked
 * for them, and returns one {@link LayerResult} per layer, base first. Layers found in the {@link LayerCache} are not
 * opened at all. A layer that cannot be read fails the run with an {@link InputException}; an analyzer that fails on
 * a file becomes a diagnostic and the walk goes on.
 */
public final class AnalysisRunner {

    /** A file is buffered once and handed to every analyzer that wants it; no analyzer gets more than this. */
    static final long MAX_BUFFERED_FILE = 64L << 20;

    private final List<Analyzer<?>> analyzers;
    private final LayerCache cache;
    private final int threads;

    /**
     * @param cache   null to neither read nor write the cache
     * @param threads how many layers to walk at once (at least 1)
     */
    public AnalysisRunner(List<Analyzer<?>> analyzers, LayerCache cache, int threads) {
        this.analyzers = Analyzers.of(analyzers);
        this.cache = cache;
        this.threads = Math.max(1, threads);
    }

    /** Threads for the machine: one per core, at most four (more only contend for the disk). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public List<LayerResult> run(ImageSource source, Image image, Consumer<LayerResult> progress) {
        List<Image.Layer> layers = image.layers();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, layers.size())), r -> {
            Thread t = new Thread(r, "drydock-layer-walker");
            t.setDaemon(true);
            return t;
        });
        try {
            // the same layer twice in one image is walked once
            Map<Object, Future<LayerResult>> byDiffId = new HashMap<>();
            List<Future<LayerResult>> futures = new ArrayList<>();
            for (Image.Layer layer : layers) {
                futures.add(byDiffId.computeIfAbsent(layer.diffId(), d -> pool.submit(() -> {
                    LayerResult r = layerResult(source, layer);
                    progress.accept(r);
                    return r;
                })));
            }
            List<LayerResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                LayerResult r = await(futures.get(i));
                out.add(r.index() == i ? r : r.withIndex(i, r.cached()));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Offers a directory's files to the analyzers as if the directory were one layer (index 0) whose diff_id is
     * {@code id}: the same selection, size limits and diagnostics as for image layers; never cached (a directory has
     * no content digest to key it by).
     */
    public LayerResult runDirectory(Path root, Digest id) {
        String what = root.toString();
        Collector collector = new Collector(id, what);
        LayerContents contents = DirectoryWalker.walk(root, id, collector);
        return new LayerResult(0, id, contents, collector.results, collector.diagnostics, false);
    }

    private static LayerResult await(Future<LayerResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while walking layers", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof DrydockException d) {
                throw d;
            }
            if (c instanceof IOException io) {
                throw new InputException(io.getMessage() == null ? io.toString() : io.getMessage(), io);
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private LayerResult layerResult(ImageSource source, Image.Layer layer) throws IOException {
        if (cache != null) {
            var hit = cache.get(layer.diffId(), analyzers);
            if (hit.isPresent()) {
                return hit.get().withIndex(layer.index(), true);
            }
        }
        String what = source.name() + ": layer " + (layer.index() + 1) + " (" + layer.diffId() + ")";
        if (!layer.present()) {
            String why = what + ": foreign (non-distributable) layer " + layer.blob().digest() + " is not in the source"
                    + (layer.blob().urls().isEmpty() ? "" : " (URLs: " + String.join(", ", layer.blob().urls()) + ")")
                    + "; its files are not analysed";
            LayerContents none = LayerContents.absent(layer.index(), layer.diffId(), why);
            return new LayerResult(layer.index(), layer.diffId(), none, Map.of(), List.of(), false);
        }
        Collector collector = new Collector(layer.diffId(), what);
        LayerContents contents;
        try (InputStream blob = source.openLayer(layer)) {
            contents = LayerWalker.walk(blob, layer.index(), layer.diffId(), what, collector);
        }
        LayerResult result = new LayerResult(layer.index(), layer.diffId(), contents, collector.results,
                collector.diagnostics, false);
        if (cache != null) {
            try {
                cache.put(result, analyzers);
            } catch (IOException e) {
                // a read-only or full cache directory slows the next scan down; it must not fail this one
            }
        }
        return result;
    }

    /** Offers each file to the analyzers that want it. */
    private final class Collector implements LayerWalker.Visitor {
        final Map<String, List<LayerResult.Found<?>>> results = new LinkedHashMap<>();
        final List<String> diagnostics = new ArrayList<>();
        private final Digest layer;
        private final String what;
        private final List<Analyzer<?>> wanting = new ArrayList<>();

        Collector(Digest layer, String what) {
            this.layer = layer;
            this.what = what;
            for (Analyzer<?> a : analyzers) {
                results.put(a.type(), new ArrayList<>());
            }
        }

        @Override
        public boolean wants(FileInfo file) {
            wanting.clear();
            for (Analyzer<?> a : analyzers) {
                if (a.required(file.path(), file)) {
                    if (file.size() > Math.min(a.maxFileSize(), MAX_BUFFERED_FILE)) {
                        diagnostics.add(what + ": " + a.type() + ": skipped /" + file.path() + " (" + file.size()
                                + " bytes, more than its limit of " + a.maxFileSize() + ")");
                    } else {
                        wanting.add(a);
                    }
                }
            }
            return !wanting.isEmpty();
        }

        @Override
        public void visit(FileInfo file, InputStream content) throws IOException {
            // read by the runner, so a broken layer fails the layer and a broken analyzer only its file
            byte[] bytes = content.readNBytes((int) file.size());
            for (Analyzer<?> a : wanting) {
                try {
                    Object r = a.analyze(new AnalysisInput(file.path(), file, new ByteArrayInputStream(bytes), layer));
                    if (r != null) {
                        results.get(a.type()).add(new LayerResult.Found<>(file.path(), r));
                    }
                } catch (IOException | RuntimeException e) {
                    diagnostics.add(what + ": " + a.type() + " could not analyse /" + file.path() + ": " + e.getMessage());
                }
            }
        }
    }
}
