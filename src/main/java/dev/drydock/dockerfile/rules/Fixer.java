package dev.drydock.dockerfile.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the safe rewrites that fixable rules attach to their violations. Edits that overlap an earlier edit are
 * left out (the next lint pass reports them again); inserts at the same place are applied in rule-id order.
 */
public final class Fixer {

    private Fixer() {
    }

    /** The result of applying fixes: the new text and how many findings were fixed. */
    public record Result(String text, int fixed) {
    }

    public static Result apply(String source, List<Violation> violations) {
        List<Edit> edits = new ArrayList<>();
        List<Violation> fixable = new ArrayList<>(violations.stream().filter(v -> !v.fixes().isEmpty()).toList());
        fixable.sort(Comparator.comparing(Violation::id));
        int fixed = 0;
        for (Violation v : fixable) {
            if (v.fixes().stream().allMatch(e -> e.end() <= source.length() && edits.stream().noneMatch(o -> overlaps(o, e)))) {
                edits.addAll(v.fixes());
                fixed++;
            }
        }
        // Stable sort keeps rule-id order among inserts at the same offset.
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder sb = new StringBuilder(source.length() + 64);
        int at = 0;
        for (Edit e : edits) {
            sb.append(source, at, e.start()).append(e.replacement());
            at = e.end();
        }
        sb.append(source, at, source.length());
        return new Result(sb.toString(), fixed);
    }

    private static boolean overlaps(Edit a, Edit b) {
        if (a.start() == a.end() || b.start() == b.end()) {
            // an insert conflicts only with a replacement strictly around it
            int p = a.start() == a.end() ? a.start() : b.start();
            Edit r = a.start() == a.end() ? b : a;
            return r.start() < p && p < r.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    /** A unified diff ({@code --- a/NAME}, {@code +++ b/NAME}) between two versions of a file. */
    public static String diff(String name, String before, String after) {
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, patch, 3);
        return String.join("\n", lines) + "\n";
    }
}
