package dev.drydock.analyzer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.drydock.image.Digest;
import dev.drydock.layer.LayerContents;
import java.util.List;
import java.util.Map;

/**
 * Everything learned from one layer: its walked contents and each analyzer's results.
 *
 * @param results     by analyzer type, in file order
 * @param diagnostics files an analyzer could not handle, and why
 * @param cached      whether this came from the on-disk cache
 */
public record LayerResult(int index, Digest diffId, LayerContents contents, Map<String, List<Found<?>>> results,
                          List<String> diagnostics, boolean cached) {

    public LayerResult {
        results = Map.copyOf(results);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One analyzer result and the file it came from. */
    public record Found<R>(String path, R value) {
    }

    /** This analyzer's results in this layer. */
    @JsonIgnore
    @SuppressWarnings("unchecked")
    public <R> List<Found<R>> results(Analyzer<R> analyzer) {
        List<Found<?>> l = results.get(analyzer.type());
        return l == null ? List.of() : (List<Found<R>>) (List<?>) l;
    }

    LayerResult withIndex(int i, boolean fromCache) {
        LayerContents c = contents;
        LayerContents moved = new LayerContents(i, c.diffId(), c.files(), c.whiteouts(), c.opaqueDirs(), c.diagnostics(),
                c.fileBytes(), c.tarBytes());
        return new LayerResult(i, diffId, moved, results, diagnostics, fromCache);
    }
}
