package dev.drydock.analyzer.ospkg.dpkg;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one Debian package owns, from its {@code .list} or {@code .md5sums} file.
 *
 * @param owner the package name (architecture qualifier removed)
 * @param arch  the architecture of a multi-arch {@code NAME:ARCH.list}, else null (the list is the package's)
 * @param files paths as the layer walker spells them (no leading {@code /})
 */
public record DpkgFiles(String owner, String arch, List<String> files) {

    public DpkgFiles {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Returns the packages with the files each owns filled in (the inventory step calls this on the merged view). */
    public static PackageList attach(PackageList packages, Collection<DpkgFiles> lists) {
        Map<String, List<String>> byOwner = new HashMap<>();
        for (DpkgFiles l : lists) {
            String key = l.arch() == null ? l.owner() : l.owner() + ":" + l.arch();
            byOwner.computeIfAbsent(key, k -> new ArrayList<>()).addAll(l.files());
        }
        List<Package> out = new ArrayList<>();
        for (Package p : packages.packages()) {
            List<String> files = byOwner.get(p.name() + ":" + p.arch());
            if (files == null) {
                files = byOwner.get(p.name());
            }
            out.add(files == null ? p : new Package(p.ecosystem(), p.name(), p.version(), p.purl(), p.sourceName(),
                    p.sourceVersion(), p.arch(), p.licenses(), p.path(), p.layer(), p.dev(), p.dependsOn(), files));
        }
        return new PackageList(out, packages.diagnostics());
    }
}
