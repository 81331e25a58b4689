package dev.drydock.imageconfig;

import dev.drydock.analyzer.Package;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayersReport;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which installed package brought a file, from the files each package owns in the inventory. Package databases name
 * paths as installed ({@code /bin/su}); the merged view holds them where they really are ({@code usr/bin/su} behind
 * Debian's {@code /bin -> usr/bin} link), so both sides are compared after resolving symlinks in the image.
 */
final class Owners {

    private final CheckInput in;
    private final Map<String, List<Package>> byPath;
    /** Several findings name the same package ({@code passwd} brings six setuid programs): sum each once. */
    private final Map<Package, Long> sizes = new IdentityHashMap<>();

    private Owners(CheckInput in, Map<String, List<Package>> byPath) {
        this.in = in;
        this.byPath = byPath;
    }

    /** The owners of these paths (as the view resolves them); paths no package owns have none. */
    static Owners of(CheckInput in, Collection<String> paths) {
        Map<String, List<Package>> out = new TreeMap<>();
        if (in.inventory() == null || paths.isEmpty()) {
            return new Owners(in, out);
        }
        Set<String> wanted = new HashSet<>(paths);
        Set<String> names = new HashSet<>();
        for (String p : paths) {
            names.add(baseName(p));
        }
        for (Package pkg : in.inventory().packages()) {
            for (String file : pkg.files()) {
                if (!names.contains(baseName(file))) {
                    continue; // cheap filter: only resolve paths that can be one of the wanted files
                }
                String canonical = canonical(in.view(), file);
                if (canonical != null && wanted.contains(canonical)) {
                    List<Package> l = out.computeIfAbsent(canonical, k -> new ArrayList<>());
                    if (l.stream().noneMatch(q -> q.name().equals(pkg.name()))) {
                        l.add(pkg);
                        l.sort(Comparator.comparing(Package::name));
                    }
                }
            }
        }
        return new Owners(in, out);
    }

    /** The packages that own the path, sorted by name; empty when none does. */
    List<Package> get(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    /** The bytes of a package's files that are still in the final view (each file counted once). */
    long size(Package pkg) {
        Long known = sizes.get(pkg);
        if (known != null) {
            return known;
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (String file : pkg.files()) {
            if (in.view().resolve(strip(file)) instanceof MergedView.Found f && f.owned().info().isRegular()
                    && seen.add(f.path())) {
                total += f.owned().info().size();
            }
        }
        sizes.put(pkg, total);
        return total;
    }

    /** {@code package util-linux 2.38.1-5, 4.9 MB installed} for each owner of the path, or why there is none. */
    String describe(String path) {
        List<Package> pkgs = get(path);
        if (pkgs.isEmpty()) {
            return in.inventory() == null ? "no package inventory" : "not from a package";
        }
        List<String> parts = new ArrayList<>();
        for (Package p : pkgs) {
            parts.add("package " + p.name() + (p.version() == null ? "" : " " + p.version()) + ", "
                    + LayersReport.bytes(size(p)) + " installed");
        }
        return String.join("; ", parts);
    }

    /** The path as the image resolves it (no leading {@code /}), or null when it is not there. */
    static String canonical(MergedView view, String path) {
        return view.resolve(strip(path)) instanceof MergedView.Found f ? f.path() : null;
    }

    /** Where a file of the final view is: its path and the layer that last wrote it. */
    static Finding.Location location(CheckInput in, String path) {
        MergedView.Owned o = in.view().files().get(path);
        Integer layer = o == null ? null : o.layer();
        String diffId = layer != null && layer < in.image().layers().size()
                ? in.image().layers().get(layer).diffId().toString() : null;
        return new Finding.Location(path, null, null, layer, diffId, null, null);
    }

    static String strip(String path) {
        String p = path;
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        return p;
    }

    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static boolean isFile(FileInfo info) {
        return info.type() == FileInfo.Type.FILE || info.type() == FileInfo.Type.HARDLINK;
    }
}
