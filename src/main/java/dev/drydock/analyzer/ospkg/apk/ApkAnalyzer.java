package dev.drydock.analyzer.ospkg.apk;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Installed Alpine (and Wolfi, Chainguard) packages from {@code /lib/apk/db/installed}. */
public final class ApkAnalyzer implements Analyzer<PackageList> {

    static final String INSTALLED = "lib/apk/db/installed";

    @Override
    public String type() {
        return "apk";
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
        return path.equals(INSTALLED) || path.equals("usr/" + INSTALLED);
    }

    /** The database lists every file; a large image's is tens of MB. */
    @Override
    public long maxFileSize() {
        return 64L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        return ApkDatabaseParser.parse(new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8)),
                input.path());
    }
}
