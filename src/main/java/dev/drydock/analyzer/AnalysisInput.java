package dev.drydock.analyzer;

import dev.drydock.image.Digest;
import dev.drydock.layer.FileInfo;
import java.io.InputStream;

/**
 * One file offered to an analyzer.
 *
 * @param content the file's bytes, at most the analyzer's {@link Analyzer#maxFileSize()}; the runner closes it
 * @param layer   the diff_id of the layer holding the file
 */
public record AnalysisInput(String path, FileInfo info, InputStream content, Digest layer) {
}
