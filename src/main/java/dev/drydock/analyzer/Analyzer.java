package dev.drydock.analyzer;

import dev.drydock.layer.FileInfo;
import java.io.IOException;

/**
 * The plug-in point of image scanning (modelled on Trivy's {@code pkg/fanal/analyzer}): an analyzer names the files it
 * wants with a cheap test on the path and header, gets each one's bytes (bounded by {@link #maxFileSize()}) while the
 * layer streams past, and returns what it found. Results are kept per layer and cached on disk by layer diff_id plus
 * every analyzer's {@link #type()} and {@link #version()}: bump the version whenever the output could change.
 *
 * @param <R> the result type: a record Jackson can write and read back (the cache stores it as JSON)
 */
public interface Analyzer<R> {

    /** A stable, unique name, e.g. {@code os-release}. */
    String type();

    /** Part of the cache key. */
    int version();

    Class<R> resultType();

    /** Called for every regular file of every layer: decide from the path and header alone; never do I/O here. */
    boolean required(String path, FileInfo info);

    /** Files larger than this are skipped with a diagnostic (the header says the size, so nothing is read). */
    default long maxFileSize() {
        return 1 << 20;
    }

    /**
     * Analyzes one file.
     *
     * @return the result, or null when the file holds nothing of interest
     * @throws IOException or any runtime exception: becomes a diagnostic naming the file, and the scan goes on
     */
    R analyze(AnalysisInput input) throws IOException;
}
