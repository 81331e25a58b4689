package dev.drydock.secret;

import dev.drydock.analyzer.LayerResult;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFiles;
import dev.drydock.scan.Distro;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which files of each layer an OS package (dpkg, apk, rpm) put there, and what that means for a secret found in one.
 * A file counts as the package's only in a layer whose own package database lists it: the package manager wrote both
 * in that step. A later layer that rewrites the file (a builder adding a password to a package's config) holds the
 * builder's copy, which is scanned like any other file.
 *
 * <p>What a package ships is the same in every install of it: the packager published it, the image's builder did not
 * leak it and cannot rotate it (Debian's Chromium ships Google API keys in {@code /etc/chromium.d/apikeys}; Ruby's
 * {@code uri/generic.rb} documents {@code http://john:S3nsit1ve@my.example.com}). So, in a package's own files:
 * <ul>
 *   <li>documentation, test suites, examples and samples are not reported;</li>
 *   <li>private keys are reported as found: a key everyone can download is not a key anyone should use;</li>
 *   <li>files under {@code /etc} are reported at LOW severity, naming the package: configuration is what admins
 *       and builders edit, often in the same RUN that installed the package;</li>
 *   <li>other secrets (API keys and public OAuth client secrets compiled into a package's code) are not reported.</li>
 * </ul>
 */
final class PackageFiles {

    /** A directory or name that marks documentation, tests or examples wherever it is in a path. */
    static final Pattern NOT_RUNTIME = Pattern.compile("(?i)(?:^|/)(?:usr/share/(?:doc|man|info|help|gtk-doc)"
            + "|docs?|tests?|testing|testdata|test_data|testsuite|__tests__|specs?|fixtures?|examples?|samples?|demos?)/"
            + "|(?:^|/)(?:README|CHANGELOG|NEWS)[^/]*$|[_.-]test\\.[a-z]+$|(?:^|/)test_[^/]*$");

    /** What to do with a finding. */
    enum Verdict { REPORT, LOWER, SKIP }

    /** Owner (package name) of each path, per layer index. */
    private final List<Map<String, String>> owners;

    private PackageFiles(List<Map<String, String>> owners) {
        this.owners = owners;
    }

    static PackageFiles of(List<LayerResult> layers) {
        List<Map<String, String>> owners = new ArrayList<>();
        for (LayerResult layer : layers) {
            Map<String, String> own = new HashMap<>();
            for (List<LayerResult.Found<?>> found : layer.results().values()) {
                for (LayerResult.Found<?> f : found) {
                    if (f.value() instanceof DpkgFiles d) {
                        d.files().forEach(file -> own.putIfAbsent(strip(file), d.owner()));
                    } else if (f.value() instanceof PackageList list) {
                        for (Package p : list.packages()) {
                            if (Distro.isOsEcosystem(p.ecosystem())) {
                                p.files().forEach(file -> own.putIfAbsent(strip(file), p.name()));
                            }
                        }
                    }
                }
            }
            owners.add(own);
        }
        return new PackageFiles(owners);
    }

    /** The package that put this copy of the file into this layer, or null. */
    String owner(int layer, String path) {
        return layer < 0 || layer >= owners.size() ? null : owners.get(layer).get(strip(path));
    }

    static Verdict verdict(String path, SecretRule rule) {
        if (NOT_RUNTIME.matcher(path).find()) {
            return Verdict.SKIP;
        }
        if (rule.category().equals("private-key")) {
            return Verdict.REPORT;
        }
        return path.startsWith("etc/") ? Verdict.LOWER : Verdict.SKIP;
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        return p;
    }
}
