package dev.drydock.layer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.drydock.image.Digest;
import java.util.List;

/**
 * What one layer holds, in tar order: its entries, and its whiteouts and opaque directories recorded as data (applying
 * them is {@link LayerMerger}'s job), with problems found on the way.
 *
 * @param whiteouts   paths a {@code .wh.NAME} entry deletes from lower layers
 * @param opaqueDirs  directories a {@code .wh..wh..opq} entry empties of lower layers' content
 * @param diagnostics entries that were ignored and why (paths escaping the root, ...)
 * @param fileBytes   the sum of the entries' sizes (dive's layer size)
 * @param tarBytes    the length of the uncompressed tar stream
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayerContents(int index, Digest diffId, List<FileInfo> files, List<String> whiteouts, List<String> opaqueDirs,
                            List<String> diagnostics, long fileBytes, long tarBytes) {

    public LayerContents {
        files = List.copyOf(files);
        whiteouts = List.copyOf(whiteouts);
        opaqueDirs = List.copyOf(opaqueDirs);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A layer that was not read (a foreign layer the source does not hold). */
    public static LayerContents absent(int index, Digest diffId, String why) {
        return new LayerContents(index, diffId, List.of(), List.of(), List.of(), List.of(why), 0, 0);
    }
}
