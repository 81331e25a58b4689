package dev.drydock.match;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.scan.Finding;
import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.VersionScheme;
import dev.drydock.vulndb.Advisory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The advisories that affect one package, merged into one finding per vulnerability: records that share an id or
 * alias (GHSA-… and CVE-…, GO-… and its GHSA and CVE, DSA/DLA, ALSA, RUSTSEC) are one vulnerability. Its primary id is
 * a CVE where there is one, else a GHSA, else the first record id; the others are its aliases.
 */
final class FindingMerger {

    private static final int MAX_REFERENCES = 20;

    private record Hit(Advisory advisory, OsvPackages.Key key, AdvisoryEvaluator.Outcome outcome, Set<String> ids) {
        static Hit of(Advisory advisory, OsvPackages.Key key, AdvisoryEvaluator.Outcome outcome) {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(advisory.id());
            ids.addAll(advisory.aliases());
            return new Hit(advisory, key, outcome, ids);
        }
    }

    private final Package pkg;
    private final OperatingSystem os;
    private final VersionScheme scheme;
    private final List<String> layerDiffIds;
    private final List<Hit> hits = new ArrayList<>();

    FindingMerger(Package pkg, OperatingSystem os, VersionScheme scheme, List<String> layerDiffIds) {
        this.pkg = pkg;
        this.os = os;
        this.scheme = scheme;
        this.layerDiffIds = layerDiffIds;
    }

    void add(Advisory a, OsvPackages.Key key, AdvisoryEvaluator.Outcome o) {
        hits.add(Hit.of(a, key, o));
    }

    /** One finding per group of hits linked by a shared id (union-find over the ids, linear in their number). */
    List<Finding> findings() {
        int[] parent = new int[hits.size()];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            parent[i] = i;
            for (String id : hits.get(i).ids()) {
                Integer j = first.putIfAbsent(id, i);
                if (j != null) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<Hit>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(hits.get(i));
        }
        List<Finding> out = new ArrayList<>();
        for (List<Hit> g : groups.values()) {
            out.add(finding(g));
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private Finding finding(List<Hit> group) {
        group.sort(Comparator.comparing(h -> h.advisory().id()));
        TreeSet<String> ids = new TreeSet<>();
        group.forEach(h -> ids.addAll(h.ids()));
        String primary = ids.stream().filter(i -> i.startsWith("CVE-")).findFirst()
                .or(() -> ids.stream().filter(i -> i.startsWith("GHSA-")).findFirst())
                .orElse(group.get(0).advisory().id());
        List<String> aliases = ids.stream().filter(i -> !i.equals(primary)).toList();
        Hit lead = group.stream().filter(h -> h.advisory().id().equals(primary)).findFirst()
                .orElseGet(() -> group.stream().filter(h -> h.advisory().summary() != null).findFirst().orElse(group.get(0)));

        List<String> fixes = new ArrayList<>();
        String status = null;
        boolean kev = false;
        List<Rating.Input> inputs = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>(lead.advisory().references());
        Set<String> sources = new TreeSet<>();
        for (Hit h : group) {
            for (String f : h.outcome().fixes()) {
                if (!fixes.contains(f)) {
                    fixes.add(f);
                }
            }
            if (h.outcome().status() != null) {
                status = h.outcome().status();
            }
            kev |= h.advisory().knownExploited();
            inputs.add(new Rating.Input(h.advisory(), h.outcome().affected()));
            refs.addAll(h.advisory().references());
            if (h.advisory().source() != null) {
                sources.add(h.advisory().source());
            }
        }
        sortVersions(fixes);
        Rating rating = Rating.of(inputs, kev);
        Finding.Status st = fixes.isEmpty() ? status(status) : Finding.Status.FIXED;
        String sourceName = lead.key().name().equals(pkg.name()) ? null : lead.key().name();
        Finding.Vulnerability v = new Finding.Vulnerability(pkg.ecosystem(), pkg.name(), sourceName, pkg.version(), fixes,
                st, pkg.purl(), rating.vector(), rating.score(), rating.source(), kev,
                sources.isEmpty() ? null : String.join(",", sources));
        return new Finding(Finding.Kind.VULNERABILITY, primary, aliases, rating.severity(), title(lead.advisory(), primary),
                lead.advisory().details(), Targets.of(pkg, os), location(), v, fix(fixes, st),
                refs.stream().limit(MAX_REFERENCES).toList(), null);
    }

    private static String title(Advisory a, String primary) {
        if (a.summary() != null && !a.summary().isBlank()) {
            return a.summary().strip();
        }
        if (a.details() != null && !a.details().isBlank()) {
            String first = a.details().strip().lines().findFirst().orElse("");
            return first.length() > 120 ? first.substring(0, 117) + "..." : first;
        }
        return primary;
    }

    private Finding.Location location() {
        Integer index = null;
        if (pkg.layer() != null) {
            int i = layerDiffIds.indexOf(pkg.layer());
            index = i < 0 ? null : i;
        }
        String path = pkg.path() == null ? null : pkg.path().startsWith("/") ? pkg.path().substring(1) : pkg.path();
        return new Finding.Location(path, null, null, index, pkg.layer(), null, null);
    }

    private String fix(List<String> fixes, Finding.Status st) {
        if (!fixes.isEmpty()) {
            return "Upgrade " + pkg.name() + " to " + String.join(" or ", fixes) + " or later";
        }
        return switch (st) {
            case WILL_NOT_FIX -> "The distribution will not fix this; consider another package or mitigation";
            case FIX_DEFERRED -> "The distribution has deferred the fix";
            default -> null;
        };
    }

    /** A source's status word as the model's; {@code null} (no word) is AFFECTED: known vulnerable, no fix yet. */
    static Finding.Status status(String word) {
        if (word == null) {
            return Finding.Status.AFFECTED;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
            case "will_not_fix", "wont_fix", "won't_fix", "ignored", "no_dsa" -> Finding.Status.WILL_NOT_FIX;
            case "fix_deferred", "deferred", "postponed" -> Finding.Status.FIX_DEFERRED;
            case "end_of_life", "eol" -> Finding.Status.END_OF_LIFE;
            default -> Finding.Status.AFFECTED;
        };
    }

    /** In the ecosystem's order where every fix parses; otherwise as found (never a string sort pretending to be one). */
    private void sortVersions(List<String> fixes) {
        try {
            fixes.sort(scheme::compare);
        } catch (InvalidVersionException e) {
            // keep the order found
        }
    }
}
