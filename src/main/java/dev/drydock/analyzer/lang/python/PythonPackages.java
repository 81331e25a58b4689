package dev.drydock.analyzer.lang.python;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.lang.Purls;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What the Python analyzers share: PEP 503 name normalisation and the package record. */
final class PythonPackages {

    static final String ECOSYSTEM = "PyPI";

    private PythonPackages() {
    }

    /** PEP 503: runs of {@code -}, {@code _} and {@code .} become one {@code -}, lower case. */
    static String normalise(String name) {
        return name.strip().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** The name as the distribution spells it; the purl uses the normalised form, as the purl spec asks. */
    static Package of(String name, String version, String path, boolean dev, Collection<String> dependsOn,
                      List<String> licenses) {
        return new Package(ECOSYSTEM, name, version, Purls.of("pypi", null, normalise(name), version), null, null,
                null, licenses, path, null, dev, dependsOn == null ? List.of() : List.copyOf(dependsOn), List.of());
    }

    /** The distribution name at the start of a PEP 508 requirement: {@code requests[socks] (>=2) ; extra} gives requests. */
    static String requirementName(String requirement) {
        String s = requirement.strip();
        int end = 0;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "-_.".indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        return s.substring(0, end);
    }
}
