package dev.drydock.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whether a version lies in an OSV {@code affected[]} entry's ranges, exactly as the schema's evaluation pseudocode
 * says (https://ossf.github.io/osv-schema/#evaluation), over any {@link VersionScheme}.
 *
 * <p>Hand-written, because it is the matcher's domain core: no library evaluates OSV ranges in Java, and the rules are
 * short and precise. What the pseudocode leaves implicit is decided here, each time in the direction of the schema
 * text:
 * <ul>
 *   <li>Events are sorted by version before they are walked (the schema only <em>recommends</em> sorted arrays), with
 *       {@code introduced: "0"} before every version. Events with equal versions keep their order in the record (a
 *       stable sort), so the record's author decides ties.</li>
 *   <li>{@code limit} events take no part in the walk; they bound it ({@code BeforeLimits}): with none, an implicit
 *       {@code limit: "*"}; a limit containing {@code *} is infinity.</li>
 *   <li>An {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit} that the scheme cannot parse makes
 *       the range undecidable: {@link InvalidVersionException} is thrown naming the version, never a silent answer.</li>
 * </ul>
 * GIT ranges name commits, not versions: callers leave them out for installed packages.
 */
public final class OsvRanges {

    /** The four kinds of range event. */
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    /** One event of a range. */
    public record Event(Kind kind, String version) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(version, "version");
        }

        public static Event introduced(String v) {
            return new Event(Kind.INTRODUCED, v);
        }

        public static Event fixed(String v) {
            return new Event(Kind.FIXED, v);
        }

        public static Event lastAffected(String v) {
            return new Event(Kind.LAST_AFFECTED, v);
        }

        public static Event limit(String v) {
            return new Event(Kind.LIMIT, v);
        }
    }

    /**
     * The answer for one range.
     *
     * @param affected     whether the version is in the range
     * @param fixed        when affected: the lowest {@code fixed} version above the installed one (the fix for the
     *                     interval holding it), or null when the interval is open or ends at a {@code last_affected}
     * @param lastAffected when affected and not fixed: the {@code last_affected} ending the interval, or null
     */
    public record Result(boolean affected, String fixed, String lastAffected) {
        static final Result NOT_AFFECTED = new Result(false, null, null);
    }

    private OsvRanges() {
    }

    /**
     * Evaluates one range ({@code IncludedInRanges} for a single range).
     *
     * @throws InvalidVersionException when the version or an event the walk needs does not parse in {@code scheme}
     */
    public static Result evaluate(VersionScheme scheme, String version, List<Event> events) {
        scheme.validate(version);
        if (!beforeLimits(scheme, version, events)) {
            return Result.NOT_AFFECTED;
        }
        List<Event> sorted = new ArrayList<>(events.size());
        for (Event e : events) {
            if (e.kind() != Kind.LIMIT) {
                sorted.add(e); // sorting and the walk parse every event but "0": a bad one throws there
            }
        }
        Comparator<Event> byVersion = (a, b) -> {
            if (isZero(a) || isZero(b)) {
                return Boolean.compare(!isZero(a), !isZero(b));
            }
            return Integer.signum(scheme.compare(a.version(), b.version()));
        };
        if (sorted.size() == 1 && !isZero(sorted.get(0))) {
            scheme.validate(sorted.get(0).version()); // a lone event is compared below only if it is not a limit
        }
        sorted.sort(byVersion); // List.sort is stable
        boolean vulnerable = false;
        for (Event e : sorted) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (isZero(e) || scheme.compare(version, e.version()) >= 0) {
                        vulnerable = true;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(version, e.version()) >= 0) {
                        vulnerable = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(version, e.version()) > 0) {
                        vulnerable = false;
                    }
                }
                default -> throw new AssertionError(e);
            }
        }
        if (!vulnerable) {
            return Result.NOT_AFFECTED;
        }
        // The interval holding the version ends at the first fixed above it or the first last_affected at or above it.
        for (Event e : sorted) {
            if (e.kind() == Kind.FIXED && scheme.compare(version, e.version()) < 0) {
                return new Result(true, e.version(), null);
            }
            if (e.kind() == Kind.LAST_AFFECTED && scheme.compare(version, e.version()) <= 0) {
                return new Result(true, null, e.version());
            }
        }
        return new Result(true, null, null);
    }

    /**
     * {@code IncludedInVersions}: whether the explicit {@code versions} list names the version. Equal strings match;
     * otherwise the scheme decides equality ({@code 1.0} and {@code 1.0.0} in PEP 440). A listed string the scheme
     * cannot parse is simply not this version: it can only equal it as a string, which was checked first.
     *
     * @throws InvalidVersionException when the installed version itself does not parse and no string is equal
     */
    public static boolean listed(VersionScheme scheme, String version, List<String> versions) {
        if (versions.isEmpty()) {
            return false;
        }
        if (versions.contains(version)) {
            return true;
        }
        scheme.validate(version);
        for (String v : versions) {
            try {
                if (scheme.compare(version, v) == 0) {
                    return true;
                }
            } catch (InvalidVersionException e) {
                // not this version (see above)
            }
        }
        return false;
    }

    /** {@code BeforeLimits}: no limit events, or the version is below one of them. */
    static boolean beforeLimits(VersionScheme scheme, String version, List<Event> events) {
        boolean any = false;
        for (Event e : events) {
            if (e.kind() == Kind.LIMIT) {
                any = true;
                if (e.version().contains("*") || scheme.compare(version, e.version()) < 0) {
                    return true;
                }
            }
        }
        return !any;
    }

    /** {@code introduced: "0"}: before every version, whatever the scheme thinks of the string "0". */
    private static boolean isZero(Event e) {
        return e.kind() == Kind.INTRODUCED && e.version().equals("0");
    }
}
