package dev.drydock.scan;

import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFiles;
import java.util.Collection;
import dev.drydock.layer.MergedView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every package in an image's final filesystem (or a directory), each with the layer that brought it: the merge step
 * of the pipeline for packages, a pure function of the per-layer analyzer results and the merged view.
 *
 * <ul>
 *   <li>A package counts only from a file that is still in the final view, and only from the copy the final view
 *       holds: a package database rewritten by a later layer counts from the later copy; a lockfile deleted later
 *       drops out.</li>
 *   <li>A package is attributed to the first layer whose copy of that same file listed the same package (ecosystem,
 *       name, version, arch) without a break; a file deleted by a whiteout starts over.</li>
 *   <li>Neutral OS ecosystems ({@code dpkg}, {@code apk}, {@code rpm}) become the detected {@link Distro}'s.</li>
 *   <li>A language package found in a file an OS package owns (Debian's {@code python3-yaml} ships a
 *       {@code .dist-info}) is left out: the OS package already stands for it, and its advisories name the OS package.
 *       Owned files come from {@link Package#files()}, and for dpkg from the final copies of {@code info/NAME.list}
 *       ({@link DpkgFiles}, analysed file by file), which are merged into the package of that name.</li>
 * </ul>
 *
 * @param os          the detected OS, or null
 * @param packages    sorted by ecosystem, name, version, path, layer
 * @param diagnostics what could not be read, in layer order
 */
public record Inventory(Subject subject, OperatingSystem os, List<Package> packages, List<String> diagnostics) {

    public Inventory {
        packages = List.copyOf(packages);
        diagnostics = List.copyOf(diagnostics);
    }

    public static final Comparator<Package> ORDER = Comparator
            .comparing(Package::ecosystem, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::path, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::arch, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::layer, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::purl, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * @param analyzers      the package analyzers whose results count
     * @param dpkgFiles      the files each dpkg package owns, from the final filesystem's {@code info/*.list}
     * @param attributeLayers false for a directory: it has no layers, so {@link Package#layer()} stays null
     */
    public static Inventory of(Subject subject, List<LayerResult> layers, MergedView view,
                               List<Analyzer<PackageList>> analyzers, Collection<DpkgFiles> dpkgFiles,
                               OperatingSystem os, boolean attributeLayers) {
        List<String> diagnostics = new ArrayList<>();
        layers.forEach(l -> diagnostics.addAll(l.diagnostics()));
        List<Found> found = new ArrayList<>();
        for (Analyzer<PackageList> a : analyzers) {
            found.addAll(finalCopies(a, layers, view, diagnostics));
        }
        Set<String> owned = new HashSet<>();
        Map<String, List<String>> ownedByName = new HashMap<>();
        for (DpkgFiles d : dpkgFiles) {
            d.files().forEach(file -> owned.add(strip(file)));
            ownedByName.computeIfAbsent("dpkg\n" + d.owner(), k -> new ArrayList<>()).addAll(d.files());
        }
        for (Found f : found) {
            if (Distro.isOsEcosystem(f.pkg.ecosystem())) {
                f.pkg.files().forEach(file -> owned.add(strip(file)));
                if (ownershipOnly(f.pkg)) {
                    ownedByName.computeIfAbsent(f.pkg.ecosystem() + "\n" + f.pkg.name(), k -> new ArrayList<>()).addAll(f.pkg.files());
                }
            }
        }
        found.removeIf(f -> ownershipOnly(f.pkg));
        Optional<Distro> distro = Distro.of(os);
        List<Package> out = new ArrayList<>();
        int neutral = 0;
        for (Found f : found) {
            Package p = f.pkg;
            if (!Distro.isOsEcosystem(p.ecosystem()) && (owned.contains(f.file) || owned.contains(outerFile(p.path())))) {
                continue;
            }
            List<String> more = ownedByName.get(p.ecosystem() + "\n" + p.name());
            if (more != null && Distro.isOsEcosystem(p.ecosystem())) {
                List<String> files = new ArrayList<>(p.files());
                files.addAll(more);
                p = new Package(p.ecosystem(), p.name(), p.version(), p.purl(), p.sourceName(), p.sourceVersion(), p.arch(),
                        p.licenses(), p.path(), p.layer(), p.dev(), p.dependsOn(), files);
            }
            if (distro.isPresent()) {
                p = distro.get().apply(p);
            } else if (Distro.NEUTRAL.containsKey(p.ecosystem())) {
                neutral++;
            }
            out.add(attributeLayers ? p.withLayer(layers.get(f.layer).diffId().toString()) : p.withLayer(null));
        }
        if (neutral > 0) {
            diagnostics.add(neutral + " OS package(s) keep their package manager's name as ecosystem: "
                    + (os == null ? "no /etc/os-release nor /usr/lib/os-release was found"
                    : "the OS '" + os.name() + "' has no known vulnerability ecosystem"));
        }
        out.sort(ORDER);
        return new Inventory(subject, os, out, diagnostics);
    }

    /**
     * An OS "package" without a version that only lists files: what an analyzer of dpkg's {@code info/NAME.list} can
     * report, since each file is analysed alone. Its files join the owned set and the versioned package of that name;
     * it is not a package of its own.
     */
    private static boolean ownershipOnly(Package p) {
        return Distro.isOsEcosystem(p.ecosystem()) && (p.version() == null || p.version().isEmpty()) && !p.files().isEmpty();
    }

    /** A package from a final copy of a file, and the layer that introduced it. */
    private record Found(Package pkg, String file, int layer) {
    }

    private record Key(String ecosystem, String name, String version, String arch, String path) {
        static Key of(Package p) {
            return new Key(p.ecosystem(), p.name(), p.version(), p.arch(), p.path());
        }
    }

    private static List<Found> finalCopies(Analyzer<PackageList> a, List<LayerResult> layers, MergedView view,
                                           List<String> diagnostics) {
        Map<String, Map<Key, Integer>> introduced = new HashMap<>(); // by file: each package's first layer
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerResult l = layers.get(i);
            forgetRemoved(introduced, l);
            for (LayerResult.Found<PackageList> f : l.results(a)) {
                Map<Key, Integer> before = introduced.getOrDefault(f.path(), Map.of());
                Map<Key, Integer> now = new HashMap<>();
                for (Package p : f.value().packages()) {
                    now.put(Key.of(p), before.getOrDefault(Key.of(p), i));
                }
                introduced.put(f.path(), now);
                MergedView.Owned owner = view.files().get(f.path());
                if (owner == null || owner.layer() != i) {
                    continue; // deleted or overwritten later
                }
                diagnostics.addAll(f.value().diagnostics());
                for (Package p : f.value().packages()) {
                    out.add(new Found(p, f.path(), now.get(Key.of(p))));
                }
            }
        }
        return out;
    }

    /** Files this layer deletes (whiteouts, opaque directories) lose their history. */
    private static void forgetRemoved(Map<String, Map<Key, Integer>> introduced, LayerResult l) {
        if (introduced.isEmpty()) {
            return;
        }
        for (String w : l.contents().whiteouts()) {
            introduced.keySet().removeIf(p -> p.equals(w) || p.startsWith(w + "/"));
        }
        for (String d : l.contents().opaqueDirs()) {
            introduced.keySet().removeIf(p -> d.isEmpty() || p.startsWith(d + "/"));
        }
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        return p;
    }

    /** {@code app.jar!/BOOT-INF/lib/x.jar} → {@code app.jar}. */
    private static String outerFile(String path) {
        if (path == null) {
            return "";
        }
        int bang = path.indexOf('!');
        return strip(bang < 0 ? path : path.substring(0, bang));
    }

    /** The packages of one ecosystem. */
    public List<Package> packages(String ecosystem) {
        return packages.stream().filter(p -> ecosystem.equals(p.ecosystem())).toList();
    }
}
