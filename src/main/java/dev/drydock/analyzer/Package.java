package dev.drydock.analyzer;

import java.util.List;

/**
 * One installed or locked package, as every package analyzer reports it and every later stage (vulnerability
 * matching, SBOMs, reports) consumes it. Records are JSON-serialisable: the layer cache stores them.
 *
 * @param ecosystem     the OSV ecosystem name the vulnerability matcher looks up: {@code Debian}, {@code Ubuntu},
 *                      {@code Alpine}, {@code Red Hat}, {@code Rocky Linux}, {@code SUSE}, {@code Wolfi}, {@code npm},
 *                      {@code PyPI}, {@code Maven}, {@code Go}, {@code crates.io}, {@code RubyGems},
 *                      {@code Packagist}, {@code NuGet} (OS ecosystems may carry a release later, e.g. {@code Debian:12},
 *                      which the inventory adds from the detected OS)
 * @param name          the package name in its ecosystem's spelling ({@code groupId:artifactId} for Maven, module
 *                      path for Go)
 * @param version       the exact installed version string, in the ecosystem's own scheme (dpkg {@code 1:2.3-4},
 *                      rpm {@code epoch:version-release})
 * @param purl          its Package URL (packageurl-java), or {@code null} when one cannot be formed
 * @param sourceName    OS packages: the source package advisories name (dpkg {@code Source:}, apk origin, rpm source
 *                      RPM name); otherwise {@code null}
 * @param sourceVersion the source package's version when it differs from {@code version}; otherwise {@code null}
 * @param arch          architecture where the format records one, else {@code null}
 * @param licenses      declared licences (SPDX ids or expressions where the format has them), possibly empty
 * @param path          the file it was found in (a database, a manifest, a lockfile, a binary; nested archives
 *                      as {@code app.jar!/BOOT-INF/lib/x.jar})
 * @param layer         diff_id of the layer that brought it, filled in by the inventory step; {@code null} before
 * @param dev           a development-only dependency (npm devDependencies, poetry dev group…)
 * @param dependsOn     names of direct dependencies where the format tells, possibly empty
 * @param files         files the package owns (OS packages; used to skip those files in language analyzers)
 */
public record Package(String ecosystem, String name, String version, String purl, String sourceName,
                      String sourceVersion, String arch, List<String> licenses, String path, String layer,
                      boolean dev, List<String> dependsOn, List<String> files) {

    public Package {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A language package without OS-only fields. */
    public static Package of(String ecosystem, String name, String version, String purl, String path) {
        return new Package(ecosystem, name, version, purl, null, null, null, List.of(), path, null, false, List.of(),
                List.of());
    }

    public Package withLayer(String diffId) {
        return new Package(ecosystem, name, version, purl, sourceName, sourceVersion, arch, licenses, path, diffId, dev,
                dependsOn, files);
    }
}
