package dev.drydock.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer efficiency as dive computes it (github.com/wagoodman/dive {@code dive/filetree/efficiency.go} and
 * {@code dive/image/analysis.go}): every non-directory entry and whiteout of every layer is a "node" of its path; a
 * whiteout weighs 0 when it deletes a file and the size of the deleted tree when it deletes a directory. Per path,
 * cumulative = sum of its nodes' sizes, minimum = the smallest node. Then
 * <ul>
 *   <li>score = Σ minimum / Σ cumulative (1.0 for an empty image),</li>
 *   <li>wasted bytes = Σ cumulative over paths with two or more nodes (dive counts every copy, the last one too),</li>
 *   <li>user wasted percent = wasted bytes / the size of every layer but the first (0 when those are empty).</li>
 * </ul>
 *
 * @param inefficiencies paths with two or more nodes, largest cumulative size first
 */
public record Efficiency(double score, long wastedBytes, double userWastedPercent, long userBytes,
                         List<Inefficiency> inefficiencies) {

    /** A path written (or deleted) more than once across the layers. */
    public record Inefficiency(String path, int count, long cumulativeSize) {
    }

    /** Collects nodes during the merge. */
    static final class Accumulator {
        private static final class PathData {
            int count;
            long cumulative;
            long min = -1;
        }

        private final Map<String, PathData> paths = new HashMap<>();

        void node(String path, long size) {
            PathData d = paths.computeIfAbsent(path, p -> new PathData());
            d.count++;
            d.cumulative += size;
            if (d.min < 0 || size < d.min) {
                d.min = size;
            }
        }

        Efficiency result(List<LayerContents> layers) {
            long min = 0;
            long cumulative = 0;
            long wasted = 0;
            List<Inefficiency> bad = new ArrayList<>();
            for (Map.Entry<String, PathData> e : paths.entrySet()) {
                PathData d = e.getValue();
                min += d.min;
                cumulative += d.cumulative;
                if (d.count >= 2) {
                    wasted += d.cumulative;
                    bad.add(new Inefficiency(e.getKey(), d.count, d.cumulative));
                }
            }
            bad.sort(Comparator.comparingLong(Inefficiency::cumulativeSize).reversed().thenComparing(Inefficiency::path));
            long user = 0;
            for (int i = 1; i < layers.size(); i++) {
                user += layers.get(i).fileBytes();
            }
            double score = cumulative == 0 ? 1.0 : (double) min / cumulative;
            return new Efficiency(score, wasted, user == 0 ? 0.0 : (double) wasted / user, user, List.copyOf(bad));
        }
    }
}
