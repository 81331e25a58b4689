package dev.drydock.analyzer.lang.go;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code go.mod} (https://go.dev/ref/mod#go-mod-file): the required modules, single-line and in blocks, with
 * {@code replace} directives applied. Since Go 1.17 go.mod lists every module the build uses, indirect ones too, so
 * go.sum (which also lists versions the build does not select) is not needed.
 */
public final class GoModAnalyzer implements Analyzer<PackageList> {

    @Override
    public String type() {
        return "go-mod";
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
        return (path.equals("go.mod") || path.endsWith("/go.mod")) && !path.contains("/pkg/mod/");
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        Map<String, String> required = new LinkedHashMap<>();
        Map<String, String[]> replaced = new LinkedHashMap<>();
        String block = null;
        String module = null;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int comment = line.indexOf("//");
            String l = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.equals(")")) {
                block = null;
                continue;
            }
            String[] f = l.split("\\s+");
            String directive = block;
            int start = 0;
            if (block == null) {
                directive = f[0];
                start = 1;
                if (f.length == 2 && f[1].equals("(")) {
                    block = f[0];
                    continue;
                }
            }
            if (directive.equals("module") && f.length > start) {
                module = unquote(f[start]);
            } else if (directive.equals("require") && f.length >= start + 2) {
                required.put(unquote(f[start]), f[start + 1]);
            } else if (directive.equals("replace")) {
                int arrow = java.util.Arrays.asList(f).indexOf("=>");
                if (arrow > start && arrow + 1 < f.length) {
                    replaced.put(unquote(f[start]), new String[] {unquote(f[arrow + 1]),
                            arrow + 2 < f.length ? f[arrow + 2] : null});
                }
            }
        }
        if (module == null) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": no module directive: not a go.mod"));
        }
        List<Package> out = new ArrayList<>();
        required.forEach((path, version) -> {
            String[] to = replaced.get(path);
            if (to != null && to[1] != null && !GoBinaryAnalyzer.isDirectory(to[0])) { // a directory keeps the required version
                out.add(GoBinaryAnalyzer.module(to[0], to[1], input.path(), List.of()));
            } else {
                out.add(GoBinaryAnalyzer.module(path, version, input.path(), List.of()));
            }
        });
        return PackageList.of(out);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`")) ? s.substring(1, s.length() - 1) : s;
    }
}
