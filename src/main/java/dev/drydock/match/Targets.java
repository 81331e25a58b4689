package dev.drydock.match;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.scan.Distro;

/**
 * The group a package's findings are reported under, as Trivy's "targets": the OS packages ({@code debian 12 (dpkg)}),
 * else the file that holds the package: a lockfile, a Go or Rust binary, the outer jar of a nested one
 * ({@code app.jar!/BOOT-INF/lib/x.jar} → {@code app.jar}), and one group for each {@code node_modules} tree or
 * Python {@code site-packages} directory (each installed package has its own metadata file there).
 */
public final class Targets {

    private Targets() {
    }

    public static String of(Package p, OperatingSystem os) {
        if (Distro.isOsEcosystem(p.ecosystem())) {
            String pm = packageManager(p);
            if (os == null) {
                return "OS packages (" + pm + ")";
            }
            String version = os.versionId() == null || os.versionId().isEmpty() ? "" : " " + os.versionId();
            return os.id() + version + " (" + pm + ")";
        }
        String path = p.path() == null ? "" : p.path();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int bang = path.indexOf('!');
        if (bang >= 0) {
            path = path.substring(0, bang);
        }
        for (String dir : new String[] {"node_modules/", "site-packages/", "dist-packages/"}) {
            int i = path.startsWith(dir) ? 0 : path.indexOf("/" + dir);
            if (i >= 0) {
                int end = path.startsWith(dir) && i == 0 ? dir.length() - 1 : i + dir.length();
                return path.substring(0, end);
            }
        }
        return path.isEmpty() ? p.ecosystem() : path;
    }

    private static String packageManager(Package p) {
        String purl = p.purl() == null ? "" : p.purl();
        if (purl.startsWith("pkg:deb/")) {
            return "dpkg";
        }
        if (purl.startsWith("pkg:apk/")) {
            return "apk";
        }
        if (purl.startsWith("pkg:rpm/")) {
            return "rpm";
        }
        return p.ecosystem();
    }
}
