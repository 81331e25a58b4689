package dev.drydock.analyzer.lang.python;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Installed Python distributions: {@code *.dist-info/METADATA} (wheels, pip), {@code *.egg-info/PKG-INFO} and
 * {@code EGG-INFO/PKG-INFO} (setuptools), and {@code *.egg-info} files (distutils). All use the core metadata format
 * (https://packaging.python.org/en/latest/specifications/core-metadata/): RFC 822 headers up to the first blank line,
 * continuation lines indented.
 */
public final class PythonMetadataAnalyzer implements Analyzer<PackageList> {

    private static final int MAX_HEADER_LINES = 20_000;

    @Override
    public String type() {
        return "python-metadata";
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
        return path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO")
                || path.endsWith("/EGG-INFO/PKG-INFO") || path.endsWith(".egg-info");
    }

    @Override
    public long maxFileSize() {
        return 4L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(input.content(), StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String license = null;
        String licenseExpression = null;
        List<String> classifierLicenses = new ArrayList<>();
        Set<String> requires = new LinkedHashSet<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        int lines = 0;
        for (String line = r.readLine(); ; line = r.readLine()) {
            boolean end = line == null || line.isEmpty() || ++lines > MAX_HEADER_LINES;
            boolean continuation = !end && (line.startsWith(" ") || line.startsWith("\t"));
            if (continuation) {
                value.append('\n').append(line.strip());
                continue;
            }
            if (key != null) {
                String v = value.toString().strip();
                switch (key.toLowerCase(java.util.Locale.ROOT)) {
                    case "name" -> name = v;
                    case "version" -> version = v;
                    case "license" -> license = v;
                    case "license-expression" -> licenseExpression = v;
                    case "classifier" -> {
                        if (v.startsWith("License ::")) {
                            classifierLicenses.add(v.substring(v.lastIndexOf("::") + 2).strip());
                        }
                    }
                    case "requires-dist", "requires" -> {
                        String dep = PythonPackages.requirementName(v);
                        if (!dep.isEmpty()) {
                            requires.add(dep);
                        }
                    }
                    default -> { }
                }
                key = null;
            }
            if (end) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                key = line.substring(0, colon).strip();
                value.setLength(0);
                value.append(line.substring(colon + 1).strip());
            }
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": core metadata without "
                    + (name == null || name.isEmpty() ? "Name" : "Version") + " (truncated?)"));
        }
        List<String> licenses = new ArrayList<>();
        if (licenseExpression != null && !licenseExpression.isEmpty()) {
            licenses.add(licenseExpression);
        } else if (license != null && !license.isEmpty() && !license.equalsIgnoreCase("UNKNOWN")
                && license.length() <= 100 && !license.contains("\n")) {
            licenses.add(license); // longer values are the whole licence text, not a name
        } else {
            licenses.addAll(classifierLicenses);
        }
        return PackageList.of(List.of(PythonPackages.of(name, version, input.path(), false, requires, licenses)));
    }
}
