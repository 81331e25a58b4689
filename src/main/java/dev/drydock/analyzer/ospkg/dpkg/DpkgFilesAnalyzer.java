package dev.drydock.analyzer.ospkg.dpkg;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a Debian package owns: {@code /var/lib/dpkg/info/NAME[:ARCH].list} (one absolute path per line,
 * directories included) and, in distroless images, {@code /var/lib/dpkg/status.d/NAME.md5sums}
 * ({@code md5  relative/path}). Paths are returned as the layer walker spells them: no leading {@code /}.
 */
public final class DpkgFilesAnalyzer implements Analyzer<DpkgFiles> {

    static final String INFO = "var/lib/dpkg/info/";
    static final int MAX_FILES = 1_000_000;

    @Override
    public String type() {
        return "dpkg-files";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<DpkgFiles> resultType() {
        return DpkgFiles.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        if (path.startsWith(INFO) && path.endsWith(".list")) {
            return path.indexOf('/', INFO.length()) < 0 && path.length() > INFO.length() + ".list".length();
        }
        return path.startsWith(DpkgAnalyzer.STATUS_D) && path.endsWith(".md5sums")
                && path.indexOf('/', DpkgAnalyzer.STATUS_D.length()) < 0;
    }

    @Override
    public long maxFileSize() {
        return 16L << 20;
    }

    @Override
    public DpkgFiles analyze(AnalysisInput input) throws IOException {
        String base = input.path().substring(input.path().lastIndexOf('/') + 1);
        boolean md5 = base.endsWith(".md5sums");
        String owner = base.substring(0, base.length() - (md5 ? ".md5sums" : ".list").length());
        String arch = null;
        int colon = owner.indexOf(':');
        if (colon > 0) {
            arch = owner.substring(colon + 1); // libc6:amd64.list for Multi-Arch: same packages
            owner = owner.substring(0, colon);
        }
        List<String> files = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && files.size() < MAX_FILES) {
            if (md5) {
                int sp = line.indexOf("  ");
                line = sp < 0 ? "" : line.substring(sp + 2);
            }
            String p = normalise(line);
            if (!p.isEmpty()) {
                files.add(p);
            }
        }
        return new DpkgFiles(owner, arch, files);
    }

    static String normalise(String line) {
        String p = line.strip();
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        return p.equals(".") ? "" : p;
    }
}
