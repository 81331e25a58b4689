package dev.drydock.analyzer.lang.python;

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
 * pip requirements files ({@code requirements*.txt}): only exactly pinned lines ({@code name==1.2.3}, with extras,
 * environment markers and {@code --hash} options) say which version gets installed; ranges, {@code -r} includes,
 * editable installs and URLs do not, and are left out.
 */
public final class RequirementsAnalyzer implements Analyzer<PackageList> {

    private static final Pattern PINNED = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*])?\\s*===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\\s*(?:;.*)?");

    @Override
    public String type() {
        return "python-requirements";
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
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("requirements") && name.endsWith(".txt") && !path.contains("site-packages/");
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        List<Package> out = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.endsWith("\\")) { // a continued line, usually before --hash options
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String l = logical.toString();
            logical.setLength(0);
            int hash = l.indexOf(" #");
            if (l.startsWith("#")) {
                continue;
            }
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            int option = l.indexOf(" --");
            if (option >= 0) {
                l = l.substring(0, option);
            }
            Matcher m = PINNED.matcher(l.strip());
            if (m.matches()) {
                out.add(PythonPackages.of(m.group(1), m.group(2), input.path(), false, List.of(), List.of()));
            }
        }
        return PackageList.of(out);
    }
}
