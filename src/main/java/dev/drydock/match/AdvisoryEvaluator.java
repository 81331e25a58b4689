package dev.drydock.match;

import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.OsvRanges;
import dev.drydock.version.VersionScheme;
import dev.drydock.vulndb.Advisory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether one advisory affects one installed package: the {@code affected[]} entries naming the package, each
 * by its {@code versions} list and its ECOSYSTEM and SEMVER ranges ({@link OsvRanges}); GIT ranges name commits and
 * are left out for installed packages. Withdrawn records are the caller's to skip.
 */
final class AdvisoryEvaluator {

    /**
     * The outcome.
     *
     * @param affected   the entries that include the version (empty: not affected or undecided)
     * @param fixes      the lowest fix above the installed version of each range that holds it
     * @param status     a source's explicit status ({@code will_not_fix}) of an entry that includes it, or null
     * @param undecided  why an entry could not be decided (a version that does not parse), or null
     */
    record Outcome(List<Advisory.Affected> affected, List<String> fixes, String status, String undecided) {
        boolean isAffected() {
            return !affected.isEmpty();
        }
    }

    private final VersionScheme ecosystemScheme;
    private final VersionScheme semver;

    /**
     * @param ecosystemScheme the ecosystem's scheme, for ECOSYSTEM ranges and {@code versions}
     * @param semver          SemVer 2.0 for SEMVER ranges (the schema defines them so, whatever the ecosystem)
     */
    AdvisoryEvaluator(VersionScheme ecosystemScheme, VersionScheme semver) {
        this.ecosystemScheme = ecosystemScheme;
        this.semver = semver;
    }

    Outcome evaluate(Advisory advisory, OsvPackages.Key key) {
        List<Advisory.Affected> hits = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String status = null;
        String undecided = null;
        for (Advisory.Affected a : advisory.affected()) {
            if (!a.name().equals(key.name()) || !a.ecosystem().equals(key.ecosystem())) {
                continue;
            }
            boolean in = false;
            try {
                in = listed(a, key.version());
                for (Advisory.Range r : a.ranges()) {
                    String type = r.type() == null ? "" : r.type().toUpperCase(Locale.ROOT);
                    VersionScheme scheme = switch (type) {
                        case "ECOSYSTEM" -> ecosystemScheme;
                        case "SEMVER" -> semver;
                        default -> null; // GIT: commits, not versions
                    };
                    if (scheme == null) {
                        continue;
                    }
                    OsvRanges.Result res = OsvRanges.evaluate(scheme, key.version(), events(r));
                    if (res.affected()) {
                        in = true;
                        if (res.fixed() != null && !fixes.contains(res.fixed())) {
                            fixes.add(res.fixed());
                        }
                    }
                }
            } catch (InvalidVersionException e) {
                undecided = e.getMessage();
                continue;
            } catch (IllegalArgumentException e) {
                undecided = "malformed range: " + e.getMessage();
                continue;
            }
            if (in) {
                hits.add(a);
                if (a.status() != null && !a.status().isBlank()) {
                    status = a.status();
                }
            }
        }
        return new Outcome(hits, fixes, status, hits.isEmpty() ? undecided : null);
    }

    /**
     * {@code IncludedInVersions}. The schema compares the strings ({@code v == version}); where the entry also has
     * ECOSYSTEM or SEMVER ranges (osv.dev derives the list from them) that is all that is done. An entry with no range
     * drydock can evaluate (GIT only, or none) relies on its list alone, so there the scheme's equality also counts
     * ({@code 1.0} is {@code 1.0.0} in PEP 440).
     */
    private boolean listed(Advisory.Affected a, String version) {
        if (a.versions().isEmpty()) {
            return false;
        }
        boolean evaluable = a.ranges().stream().anyMatch(r -> "ECOSYSTEM".equalsIgnoreCase(r.type())
                || "SEMVER".equalsIgnoreCase(r.type()));
        return evaluable ? a.versions().contains(version) : OsvRanges.listed(ecosystemScheme, version, a.versions());
    }

    /** An event with exactly one field set, as the schema requires; one with none or several is malformed. */
    private static List<OsvRanges.Event> events(Advisory.Range r) {
        List<OsvRanges.Event> out = new ArrayList<>();
        for (Advisory.Event e : r.events()) {
            int set = 0;
            OsvRanges.Event ev = null;
            if (e.introduced() != null) {
                set++;
                ev = OsvRanges.Event.introduced(e.introduced());
            }
            if (e.fixed() != null) {
                set++;
                ev = OsvRanges.Event.fixed(e.fixed());
            }
            if (e.lastAffected() != null) {
                set++;
                ev = OsvRanges.Event.lastAffected(e.lastAffected());
            }
            if (e.limit() != null) {
                set++;
                ev = OsvRanges.Event.limit(e.limit());
            }
            if (set != 1) {
                throw new IllegalArgumentException("an event must set exactly one of introduced, fixed, last_affected,"
                        + " limit (" + set + " set)");
            }
            out.add(ev);
        }
        return out;
    }
}
