package dev.drydock.analyzer.ospkg.rpm;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Installed rpm packages from the rpm database in any of its three formats: SQLite {@code rpmdb.sqlite} (rpm ≥ 4.16,
 * Fedora 33+, RHEL 9), Berkeley DB hash {@code Packages} (RHEL ≤ 8, CentOS, Amazon Linux 2) and NDB
 * {@code Packages.db} (SUSE), under {@code /var/lib/rpm} or {@code /usr/lib/sysimage/rpm}. Each database yields
 * header blobs ({@link RpmHeader}); a blob that cannot be read is a diagnostic and the others are still reported.
 */
public final class RpmAnalyzer implements Analyzer<PackageList> {

    static final Set<String> DIRS = Set.of("var/lib/rpm/", "usr/lib/sysimage/rpm/", "usr/share/rpm/");

    /** One database format: the header blobs it holds, and what it could not read. */
    record Blobs(List<byte[]> headers, List<String> diagnostics) {
    }

    @Override
    public String type() {
        return "rpm";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<PackageList> resultType() {
        return PackageList.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || !DIRS.contains(path.substring(0, slash + 1))) {
            return false;
        }
        String name = path.substring(slash + 1);
        return name.equals("rpmdb.sqlite") || name.equals("Packages") || name.equals("Packages.db");
    }

    /** The runner buffers at most 64 MB; a large RHEL install's Packages is around 100 MB (then a diagnostic). */
    @Override
    public long maxFileSize() {
        return 64L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        String path = input.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Blobs blobs = switch (name) {
            case "rpmdb.sqlite" -> SqliteRpmdb.read(input.content(), path);
            case "Packages.db" -> NdbReader.read(input.content().readNBytes((int) maxFileSize()), path);
            default -> BerkeleyDbHashReader.read(input.content().readNBytes((int) maxFileSize()), path);
        };
        return packages(blobs, path);
    }

    static PackageList packages(Blobs blobs, String path) {
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>(blobs.diagnostics());
        int i = 0;
        for (byte[] blob : blobs.headers()) {
            i++;
            try {
                out.add(RpmHeader.parse(blob).toPackage(path));
            } catch (RpmHeader.BadHeaderException e) {
                diagnostics.add("/" + path + ": header " + i + ": " + e.getMessage() + "; skipped");
            }
        }
        return new PackageList(out, diagnostics);
    }
}
