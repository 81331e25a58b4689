package dev.drydock.analyzer.lang.ruby;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.Purls;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed gems: {@code specifications/*.gemspec}, the Ruby files RubyGems writes on install. They are code, but
 * machine-written in one shape ({@code s.name = "rake".freeze}), so the few assignments needed are matched, never run.
 */
public final class GemspecAnalyzer implements Analyzer<PackageList> {

    static final String ECOSYSTEM = "RubyGems";
    private static final Pattern NAME = Pattern.compile("^\\s*\\w+\\.name\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.MULTILINE);
    private static final Pattern VERSION =
            Pattern.compile("^\\s*\\w+\\.version\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.MULTILINE);
    private static final Pattern LICENSES =
            Pattern.compile("^\\s*\\w+\\.licen[sc]es?\\s*=\\s*\\[?([^\\]\\n]*)", Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile(
            "^\\s*\\w+\\.add_(?:runtime_)?dependency\\s*\\(?\\s*[%\\w]*[\"'<(]([^\"'>)]+)[\"'>)]", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

    @Override
    public String type() {
        return "gemspec";
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
        return path.endsWith(".gemspec") && path.contains("/specifications/");
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        String text = new String(input.content().readAllBytes(), StandardCharsets.UTF_8);
        Matcher name = NAME.matcher(text);
        Matcher version = VERSION.matcher(text);
        if (!name.find() || !version.find()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": gemspec without name or version"));
        }
        List<String> licenses = new ArrayList<>();
        Matcher l = LICENSES.matcher(text);
        if (l.find()) {
            Matcher q = QUOTED.matcher(l.group(1));
            while (q.find()) {
                licenses.add(q.group(1));
            }
        }
        Set<String> deps = new LinkedHashSet<>();
        Matcher d = DEPENDENCY.matcher(text);
        while (d.find()) {
            deps.add(d.group(1));
        }
        return PackageList.of(List.of(gem(name.group(1), version.group(1), input.path(), List.copyOf(deps),
                licenses)));
    }

    static Package gem(String name, String version, String path, List<String> deps, List<String> licenses) {
        return new Package(ECOSYSTEM, name, version, Purls.of("gem", null, name, version), null, null, null, licenses,
                path, null, false, deps, List.of());
    }
}
