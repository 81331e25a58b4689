package dev.drydock.analyzer.os;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.MergedView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code /etc/os-release} and {@code /usr/lib/os-release} (freedesktop.org {@code os-release(5)}): shell-style
 * {@code KEY=value} lines, values optionally quoted with backslash escapes; and, for images without them, the older
 * release files ({@link ReleaseFiles}: {@code /etc/alpine-release}, {@code /etc/redhat-release},
 * {@code /etc/lsb-release}, {@code /etc/debian_version}...). {@link #identify} picks the image's operating system.
 */
public final class OsReleaseAnalyzer implements Analyzer<OsRelease> {

    static final String ETC = "etc/os-release";
    static final String USR_LIB = "usr/lib/os-release";

    @Override
    public String type() {
        return "os-release";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public Class<OsRelease> resultType() {
        return OsRelease.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        return path.equals(ETC) || path.equals(USR_LIB) || ReleaseFiles.PATHS.contains(path);
    }

    @Override
    public long maxFileSize() {
        return 64 * 1024;
    }

    @Override
    public OsRelease analyze(AnalysisInput input) throws IOException {
        if (!input.path().equals(ETC) && !input.path().equals(USR_LIB)) {
            return ReleaseFiles.read(input.path(), new String(input.content().readNBytes((int) maxFileSize()),
                    StandardCharsets.UTF_8));
        }
        Map<String, String> kv = parse(new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8)));
        String id = kv.get("ID");
        if (id == null || id.isBlank()) {
            return null;
        }
        String like = kv.getOrDefault("ID_LIKE", "").trim();
        return new OsRelease(id, kv.get("VERSION_ID"), kv.get("VERSION_CODENAME"), kv.get("PRETTY_NAME"),
                like.isEmpty() ? List.of() : Arrays.asList(like.split("\\s+")));
    }

    static Map<String, String> parse(String text) {
        try {
            return parse(new BufferedReader(new java.io.StringReader(text)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringReader does not fail
        }
    }

    static Map<String, String> parse(BufferedReader r) throws IOException {
        Map<String, String> kv = new HashMap<>();
        String line;
        while ((line = r.readLine()) != null) {
            line = line.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            kv.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return kv;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            String inner = v.substring(1, v.length() - 1);
            if (v.charAt(0) == '\'') {
                return inner;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return v;
    }

    /**
     * The image's OS: {@code /etc/os-release} when it resolves to a file in the final filesystem (it is often a symlink
     * to {@code ../usr/lib/os-release}), else {@code /usr/lib/os-release}; the result comes from the layer that last
     * wrote that file.
     */
    public Optional<OsRelease> detect(MergedView view, List<LayerResult> layers) {
        for (String path : List.of(ETC, USR_LIB)) {
            if (view.resolve(path) instanceof MergedView.Found f) {
                for (LayerResult.Found<OsRelease> r : layers.get(f.owned().layer()).results(this)) {
                    if (r.path().equals(f.path())) {
                        return Optional.of(r.value());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The image's operating system: os-release as {@link #detect} finds it, else the first release file of
     * {@link ReleaseFiles#PATHS} present in the final filesystem. Debian with {@code /var/lib/dpkg/status.d/} is
     * distroless.
     */
    public Optional<OperatingSystem> identify(MergedView view, List<LayerResult> layers) {
        boolean statusD = !view.files().subMap("var/lib/dpkg/status.d/", "var/lib/dpkg/status.d0").isEmpty();
        Map<String, OsRelease> found = new HashMap<>();
        for (String path : ORDER) {
            if (view.resolve(path) instanceof MergedView.Found f) {
                for (LayerResult.Found<OsRelease> r : layers.get(f.owned().layer()).results(this)) {
                    if (r.path().equals(f.path())) {
                        found.put(path, r.value());
                    }
                }
            }
        }
        return identify(found, statusD);
    }

    static final List<String> ORDER;

    static {
        List<String> order = new java.util.ArrayList<>(List.of(ETC, USR_LIB));
        order.addAll(ReleaseFiles.PATHS);
        ORDER = List.copyOf(order);
    }

    /** The pure part of {@link #identify(MergedView, List)}: what each release file said, by path. */
    static Optional<OperatingSystem> identify(Map<String, OsRelease> byPath, boolean dpkgStatusD) {
        for (String path : ORDER) {
            OsRelease r = byPath.get(path);
            if (r != null) {
                return Optional.of(OperatingSystem.of(r, r.id().equals("debian") && dpkgStatusD, path));
            }
        }
        return Optional.empty();
    }
}
