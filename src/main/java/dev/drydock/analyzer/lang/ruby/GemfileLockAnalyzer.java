package dev.drydock.analyzer.lang.ruby;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bundler's {@code Gemfile.lock}: in the {@code GEM} section's {@code specs:}, each gem at four spaces of indent as
 * {@code name (version[-platform])}, its dependencies at six. GIT and PATH sections are not from rubygems.org.
 */
public final class GemfileLockAnalyzer implements Analyzer<PackageList> {

    private static final Pattern SPEC = Pattern.compile("^ {4}([^ (]+) \\(([^)]+)\\)$");
    private static final Pattern DEP = Pattern.compile("^ {6}([^ (]+)");

    @Override
    public String type() {
        return "gemfile-lock";
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
        return path.equals("Gemfile.lock") || path.endsWith("/Gemfile.lock");
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        List<Package> out = new ArrayList<>();
        String section = null;
        String name = null;
        String version = null;
        List<String> deps = new ArrayList<>();
        for (String line = r.readLine(); ; line = r.readLine()) {
            Matcher spec = line == null ? null : SPEC.matcher(line);
            boolean newSpec = spec != null && spec.matches();
            boolean leaves = line == null || newSpec || !line.startsWith("      ");
            if (leaves && name != null) {
                out.add(GemspecAnalyzer.gem(name, version, input.path(), deps, List.of()));
                name = null;
            }
            if (line == null) {
                break;
            }
            if (!line.startsWith(" ") && !line.isBlank()) {
                section = line.strip();
            } else if ("GEM".equals(section) && newSpec) {
                name = spec.group(1);
                version = stripPlatform(spec.group(2));
                deps = new ArrayList<>();
            } else if (name != null) {
                Matcher d = DEP.matcher(line);
                if (d.find()) {
                    deps.add(d.group(1));
                }
            }
        }
        return PackageList.of(out);
    }

    /** {@code 1.15.4-x86_64-linux} is version 1.15.4 built for a platform. */
    static String stripPlatform(String v) {
        int dash = v.indexOf('-');
        return dash > 0 && dash + 1 < v.length() && Character.isLetter(v.charAt(dash + 1)) ? v.substring(0, dash) : v;
    }
}
