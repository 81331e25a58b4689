package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The registry of image checks: every one listed here, explicitly, in id order; a duplicate id is an error. */
public final class ImageChecks {

    private static final List<ImageCheck> ALL = of(List.of(
            new DI0001(), new DI0002(), new DI0003(), new DI0004(), new DI0005(), new DI0006(), new DI0007(),
            new DI0008(), new DI0009(), new DI0010(), new DI0011(), new DI0012(), new DI0013(), new DI0014(),
            new DI0015(), new DI0016(), new DI0017(), new DI0018(), new DI0019(), new DI0020(), new DI0021(), new DI0022()));

    /** Findings in a stable order: by check id, then where, then title. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::id)
            .thenComparing(f -> f.location() == null ? "" : Objects.toString(f.location().path(), ""))
            .thenComparing(f -> f.location() == null || f.location().line() == null ? 0 : f.location().line())
            .thenComparing(f -> f.location() == null ? "" : Objects.toString(f.location().configField(), ""))
            .thenComparing(Finding::title);

    private ImageChecks() {
    }

    /** Every image check, in id order. */
    public static List<ImageCheck> all() {
        return ALL;
    }

    /** Runs every check; the findings are sorted ({@link #ORDER}). */
    public static List<Finding> run(CheckInput in) {
        return run(ALL, in);
    }

    /** Runs these checks; the findings are sorted ({@link #ORDER}). */
    public static List<Finding> run(List<ImageCheck> checks, CheckInput in) {
        List<Finding> out = new ArrayList<>();
        for (ImageCheck c : checks) {
            out.addAll(c.check(in));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    static List<ImageCheck> of(List<ImageCheck> checks) {
        Set<String> ids = new HashSet<>();
        for (ImageCheck c : checks) {
            if (!ids.add(c.info().id())) {
                throw new IllegalArgumentException("image check " + c.info().id() + " is registered twice");
            }
        }
        return checks.stream().sorted(Comparator.comparing(c -> c.info().id())).toList();
    }
}
