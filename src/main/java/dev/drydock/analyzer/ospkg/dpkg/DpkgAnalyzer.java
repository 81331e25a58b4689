package dev.drydock.analyzer.ospkg.dpkg;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Installed Debian packages: {@code /var/lib/dpkg/status}, and the one-stanza files distroless images keep in
 * {@code /var/lib/dpkg/status.d/} instead. The files each package owns come from {@link DpkgFilesAnalyzer}; join
 * them with {@link DpkgFiles#attach}.
 */
public final class DpkgAnalyzer implements Analyzer<PackageList> {

    static final String STATUS = "var/lib/dpkg/status";
    static final String STATUS_D = "var/lib/dpkg/status.d/";

    @Override
    public String type() {
        return "dpkg";
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
        if (path.equals(STATUS)) {
            return true;
        }
        return path.startsWith(STATUS_D) && path.indexOf('/', STATUS_D.length()) < 0
                && path.length() > STATUS_D.length() && !path.endsWith(".md5sums");
    }

    /** A full desktop install's status file is a few MB. */
    @Override
    public long maxFileSize() {
        return 32L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        return DpkgStatusParser.parse(r, input.path(), input.path().equals(STATUS));
    }
}
