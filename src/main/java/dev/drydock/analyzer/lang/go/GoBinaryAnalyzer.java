package dev.drydock.analyzer.lang.go;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.Purls;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go modules compiled into a binary (ELF, Mach-O or PE), from its embedded build information ({@link GoBuildInfo}):
 * the main module, every dependency (as replaced, when a replacement is recorded), and the standard library as package
 * {@code stdlib} with the Go version, since many Go advisories are about the standard library. A file that is not a
 * Go binary gives nothing, and no diagnostic: most executables in an image are not Go.
 */
public final class GoBinaryAnalyzer implements Analyzer<PackageList> {

    static final String ECOSYSTEM = "Go";
    private static final List<String> NOT_BINARIES = List.of(".sh", ".py", ".pl", ".rb", ".js", ".so", ".a", ".txt");

    @Override
    public String type() {
        return "go-binary";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<PackageList> resultType() {
        return PackageList.class;
    }

    /** Executables (any x bit, or a Windows .exe), not obviously scripts or libraries, and not tiny. */
    @Override
    public boolean required(String path, FileInfo info) {
        if (info == null || info.size() < 1024) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if ((info.mode() & 0111) == 0 && !lower.endsWith(".exe")) {
            return false;
        }
        return NOT_BINARIES.stream().noneMatch(lower::endsWith);
    }

    @Override
    public long maxFileSize() {
        return 256L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        byte[] head = input.content().readNBytes(4);
        if (!executable(head)) {
            return null;
        }
        byte[] rest = input.content().readAllBytes();
        byte[] file = new byte[head.length + rest.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(rest, 0, file, head.length, rest.length);
        GoBuildInfo info;
        try {
            info = GoBuildInfo.read(file);
        } catch (GoBuildInfo.Corrupt e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": Go build info: " + e.getMessage()));
        }
        return info == null ? null : PackageList.of(packages(info, input.path()));
    }

    static boolean executable(byte[] h) {
        if (h.length < 4) {
            return false;
        }
        int be = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        return be == 0x7f454c46 // ELF
                || be == 0xcefaedfe || be == 0xcffaedfe || be == 0xfeedface || be == 0xfeedfacf // Mach-O
                || (h[0] == 'M' && h[1] == 'Z'); // PE
    }

    static List<Package> packages(GoBuildInfo info, String path) {
        List<Package> out = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        for (GoBuildInfo.Module m : info.modules()) {
            if (!m.main()) {
                deps.add(used(m).path());
            }
        }
        for (GoBuildInfo.Module m : info.modules()) {
            GoBuildInfo.Module used = used(m);
            out.add(module(used.path(), used.version(), path, m.main() ? deps : List.of()));
        }
        String go = info.goVersion().split("\\s+")[0];
        String stdlibVersion = go.startsWith("go") ? go.substring(2) : go;
        out.add(module("stdlib", stdlibVersion, path, List.of()));
        return out;
    }

    /** The module as built: its replacement, unless that is a local directory ({@code ../lib (devel)}). */
    private static GoBuildInfo.Module used(GoBuildInfo.Module m) {
        GoBuildInfo.Module r = m.replacement();
        return r == null || isDirectory(r.path()) ? m : r;
    }

    static boolean isDirectory(String modulePath) {
        return modulePath.startsWith(".") || modulePath.startsWith("/") || modulePath.matches("[A-Za-z]:\\\\.*");
    }

    static Package module(String module, String version, String path, List<String> deps) {
        int slash = module.lastIndexOf('/');
        String purl = slash > 0
                ? Purls.of("golang", module.substring(0, slash), module.substring(slash + 1), version)
                : Purls.of("golang", null, module, version);
        return new Package(ECOSYSTEM, module, version, purl, null, null, null, List.of(), path, null, false, deps,
                List.of());
    }
}
