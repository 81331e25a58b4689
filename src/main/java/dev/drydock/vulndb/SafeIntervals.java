package dev.drydock.vulndb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a feed's description of the <em>safe</em> versions (RubySec's {@code patched_versions} and
 * {@code unaffected_versions}: a union of intervals) into OSV ranges of the <em>affected</em> versions (the complement).
 * Bounds are "cuts" just before or just after a version, so {@code >= 1.2}, {@code > 1.2}, {@code < 1.2} and
 * {@code <= 1.2} are all exact. The one thing OSV cannot say is "affected from just after v" (a range opened by
 * {@code <= v} or {@code = v} on the safe side): such a range starts at {@code introduced: v}, reporting v itself as
 * affected (a possible false alarm, never a miss), and is counted as approximated.
 */
final class SafeIntervals {

    /** A cut just before ({@code after == false}) or just after a version; {@code version == null} is minus or plus infinity. */
    record Cut(String version, boolean after) {
        static final Cut MIN = new Cut(null, false);
        static final Cut MAX = new Cut(null, true);
    }

    record Interval(Cut from, Cut to) {
    }

    private final Comparator<String> versions;
    private final List<Interval> safe = new ArrayList<>();
    private int approximated;

    SafeIntervals(Comparator<String> versions) {
        this.versions = versions;
    }

    void addSafe(Cut from, Cut to) {
        safe.add(new Interval(from, to));
    }

    int approximated() {
        return approximated;
    }

    private int compare(Cut a, Cut b) {
        return compare(a, b, versions);
    }

    /** Orders cuts: minus infinity, then by version, "just before v" ahead of "just after v", plus infinity last. */
    static int compare(Cut a, Cut b, Comparator<String> versions) {
        if (a.version() == null || b.version() == null) {
            int ra = a.version() == null ? (a.after() ? 1 : -1) : 0;
            int rb = b.version() == null ? (b.after() ? 1 : -1) : 0;
            return Integer.compare(ra, rb);
        }
        int c = versions.compare(a.version(), b.version());
        return c != 0 ? c : Boolean.compare(a.after(), b.after());
    }

    /** The affected ranges: one OSV {@code ECOSYSTEM} range per gap between the safe intervals. */
    List<Advisory.Range> affectedRanges() {
        List<Interval> sorted = new ArrayList<>();
        for (Interval i : safe) {
            if (compare(i.from(), i.to()) < 0) {
                sorted.add(i);
            }
        }
        sorted.sort((x, y) -> compare(x.from(), y.from()));
        List<Advisory.Range> out = new ArrayList<>();
        Cut cursor = Cut.MIN;
        for (Interval i : sorted) {
            if (compare(i.from(), cursor) > 0) {
                out.add(range(cursor, i.from()));
            }
            if (compare(i.to(), cursor) > 0) {
                cursor = i.to();
            }
        }
        if (compare(cursor, Cut.MAX) < 0) {
            out.add(range(cursor, Cut.MAX));
        }
        return out;
    }

    private Advisory.Range range(Cut from, Cut to) {
        List<Advisory.Event> events = new ArrayList<>();
        if (from.version() == null) {
            events.add(new Advisory.Event("0", null, null, null));
        } else {
            if (from.after()) {
                approximated++;
            }
            events.add(new Advisory.Event(from.version(), null, null, null));
        }
        if (to.version() != null) {
            events.add(to.after() ? new Advisory.Event(null, null, to.version(), null) : new Advisory.Event(null, to.version(), null, null));
        }
        return new Advisory.Range("ECOSYSTEM", null, events);
    }
}
