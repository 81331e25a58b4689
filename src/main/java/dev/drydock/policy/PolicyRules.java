package dev.drydock.policy;

import dev.drydock.analyzer.Package;
import dev.drydock.image.ImageReference;
import dev.drydock.layer.LayersReport;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.version.VersionScheme;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules of a policy that look at the image rather than at single findings: forbidden packages, denied licences,
 * the user, the size and the base image. Each adds reason lines under its name when it fails; what it cannot decide
 * (the user or base image not known) becomes a diagnostic, never a silent pass.
 */
final class PolicyRules {

    /** A rule that fails on many packages lists this many, then a count. */
    static final int MAX_LINES = 20;

    private final ScanReport report;
    private final PolicyConfig config;
    private final ImageFacts facts;
    private final Function<String, Optional<VersionScheme>> schemes;
    private final List<String> diagnostics;
    private final List<Ignores.Entry> exemptions;

    PolicyRules(ScanReport report, PolicyConfig config, ImageFacts facts, Function<String, Optional<VersionScheme>> schemes,
                List<String> diagnostics, List<Ignores.Entry> exemptions) {
        this.exemptions = exemptions;
        this.report = report;
        this.config = config;
        this.facts = facts == null ? ImageFacts.of(report) : facts;
        this.schemes = schemes;
        this.diagnostics = diagnostics;
    }

    void check(Map<String, List<String>> failures) {
        add(failures, "forbidden-packages", forbiddenPackages());
        add(failures, "deny-licenses", deniedLicenses());
        boolean image = report.subject() != null && !report.subject().isDirectory();
        if (!image) {
            return;
        }
        add(failures, "require-non-root", nonRoot());
        add(failures, "max-image-size", size());
        String base = facts.baseImage();
        boolean baseRules = !config.trustedRegistries().isEmpty() || !config.allowedBaseImages().isEmpty()
                || config.requireDigestPinnedBase();
        if (baseRules && base == null) {
            diagnostics.add("policy: the base image is not known (no " + ImageFacts.BASE_NAME
                    + " annotation or label), so trusted-registries, allowed-base-images and require-digest-pinned-base were not checked");
            return;
        }
        if (!baseRules) {
            return;
        }
        Optional<ImageReference> ref = ImageReference.tryParse(base);
        if (ref.isEmpty()) {
            diagnostics.add("policy: the base image '" + base + "' is not an image reference; base image rules were not checked");
            return;
        }
        add(failures, "trusted-registries", trustedRegistry(ref.get()));
        add(failures, "allowed-base-images", allowedBase(ref.get()));
        if (config.requireDigestPinnedBase() && !ref.get().hasDigest()) {
            add(failures, "require-digest-pinned-base", List.of("require-digest-pinned-base: the base image " + base
                    + " is named by tag, not by digest (write FROM " + ref.get().fullName() + "@sha256:…, as `drydock dockerfile --fix` can)"));
        }
    }

    private static void add(Map<String, List<String>> failures, String rule, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> capped = new ArrayList<>(lines.subList(0, Math.min(MAX_LINES, lines.size())));
        if (lines.size() > MAX_LINES) {
            capped.add(rule + ": … and " + (lines.size() - MAX_LINES) + " more");
        }
        failures.put(rule, capped);
    }

    private List<String> forbiddenPackages() {
        Set<String> out = new LinkedHashSet<>();
        for (Package p : Policy.packages(report)) {
            if (exempt("forbidden-packages", p)) {
                continue;
            }
            for (PolicyConfig.ForbiddenPackage fp : config.forbiddenPackages()) {
                if (!nameMatches(fp.name(), p) || fp.ecosystem() != null && !ecosystemMatches(fp.ecosystem(), p.ecosystem())) {
                    continue;
                }
                String note = "";
                if (fp.versions() != null) {
                    VersionScheme scheme = schemes.apply(p.ecosystem()).orElse(null);
                    VersionRange.Match m = p.version() == null ? VersionRange.Match.UNKNOWN : fp.versions().test(p.version(), scheme);
                    if (m == VersionRange.Match.NO) {
                        continue;
                    }
                    if (m == VersionRange.Match.UNKNOWN) {
                        // Failing safe: a forbidden range drydock cannot evaluate must not pass silently.
                        note = " (version " + p.version() + " cannot be compared in " + p.ecosystem() + "; counted as forbidden)";
                    }
                }
                out.add("forbidden-packages: " + p.name() + " " + p.version() + " (" + p.ecosystem()
                        + (p.path() == null ? "" : ", " + p.path()) + ") matches " + fp.describe()
                        + (fp.reason() == null ? "" : ": " + fp.reason()) + note + where(fp.line()));
            }
        }
        return List.copyOf(out);
    }

    /** An ignore entry exempts the package from the rule: noted in the diagnostics, with its reason. */
    private boolean exempt(String rule, Package p) {
        for (Ignores.Entry e : exemptions) {
            if (e.exempts(rule, p)) {
                String note = "policy: " + p.name() + " " + p.version() + " is exempt from " + rule + " by " + e.describe()
                        + (e.expires() == null ? "" : " until " + e.expires()) + ": " + e.reason();
                if (!diagnostics.contains(note)) {
                    diagnostics.add(note);
                }
                return true;
            }
        }
        return false;
    }

    private String where(int line) {
        return config.source() == null ? "" : " [" + config.source().getFileName() + ":" + line + "]";
    }

    private static boolean nameMatches(String pattern, Package p) {
        Pattern g = glob(pattern, false);
        return g.matcher(p.name()).matches() || p.sourceName() != null && g.matcher(p.sourceName()).matches();
    }

    /** {@code Debian} matches {@code Debian:12}; {@code Debian:12} only that release. */
    private static boolean ecosystemMatches(String want, String have) {
        if (have == null) {
            return false;
        }
        String w = want.toLowerCase(Locale.ROOT);
        String h = have.toLowerCase(Locale.ROOT);
        return h.equals(w) || !w.contains(":") && h.startsWith(w + ":");
    }

    private List<String> deniedLicenses() {
        if (config.deniedLicenses().isEmpty()) {
            return List.of();
        }
        LicenseDenyList deny = new LicenseDenyList(config.deniedLicenses());
        Set<String> out = new LinkedHashSet<>();
        for (Package p : Policy.packages(report)) {
            if (exempt("deny-licenses", p)) {
                continue;
            }
            deny.deniedBy(p.licenses()).ifPresent(l -> out.add("deny-licenses: " + p.name() + " " + p.version() + " ("
                    + p.ecosystem() + ") is under " + String.join(" AND ", p.licenses()) + ", which the policy denies (" + l + ")"));
        }
        return List.copyOf(out);
    }

    private List<String> nonRoot() {
        if (!config.requireNonRoot()) {
            return List.of();
        }
        Boolean root = facts.runsAsRoot();
        if (root == null) {
            // The report alone does not hold the config; the image check for root (Dockle CIS-DI-0001) does.
            Optional<Finding> check = report.findings().stream()
                    .filter(f -> f.id().equals("CIS-DI-0001") || f.aliases().contains("CIS-DI-0001")).findFirst();
            if (check.isPresent()) {
                return List.of("require-non-root: " + check.get().title());
            }
            diagnostics.add("policy: the image's user is not known, so require-non-root was not checked");
            return List.of();
        }
        return root ? List.of("require-non-root: the image runs as " + (facts.user().isEmpty() ? "root (no USER is set)"
                : "root (USER " + facts.user() + ")") + "; add a USER with a non-zero uid") : List.of();
    }

    private List<String> size() {
        if (config.maxImageSize() == null) {
            return List.of();
        }
        if (facts.sizeBytes() == null) {
            diagnostics.add("policy: the image's size is not known, so max-image-size was not checked");
            return List.of();
        }
        return facts.sizeBytes() > config.maxImageSize()
                ? List.of("max-image-size: the image is " + LayersReport.bytes(facts.sizeBytes()) + " uncompressed, more than the "
                + LayersReport.bytes(config.maxImageSize()) + " allowed")
                : List.of();
    }

    private List<String> trustedRegistry(ImageReference ref) {
        List<String> allowed = config.trustedRegistries();
        if (allowed.isEmpty()) {
            return List.of();
        }
        String registry = ref.registry().toLowerCase(Locale.ROOT);
        boolean ok = allowed.stream().anyMatch(a -> {
            String p = a.strip().toLowerCase(Locale.ROOT);
            return p.equals("*") || p.equals(registry) || p.equals("hub.docker.com") && ref.isDockerHub()
                    || p.startsWith("*") && registry.endsWith(p.substring(1));
        });
        return ok ? List.of() : List.of("trusted-registries: the base image " + ref.written() + " comes from " + ref.registry()
                + ", which is not a trusted registry (" + String.join(", ", allowed) + ")");
    }

    private List<String> allowedBase(ImageReference ref) {
        List<String> allowed = config.allowedBaseImages();
        if (allowed.isEmpty()) {
            return List.of();
        }
        Set<String> names = ref.spellings();
        boolean ok = allowed.stream().map(a -> glob(a, true)).anyMatch(g -> names.stream().anyMatch(n -> g.matcher(n).matches()));
        return ok ? List.of() : List.of("allowed-base-images: the base image " + ref.written() + " is not one of the allowed base images ("
                + String.join(", ", allowed) + ")");
    }

    /** {@code *} within a path segment (anything, for package names), {@code **} across, {@code ?} one character. */
    static Pattern glob(String pattern, boolean paths) {
        StringBuilder sb = new StringBuilder();
        String p = pattern.strip();
        for (int k = 0; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c == '*' && k + 1 < p.length() && p.charAt(k + 1) == '*') {
                sb.append(".*");
                k++;
            } else if (c == '*') {
                sb.append(paths ? "[^/]*" : ".*");
            } else if (c == '?') {
                sb.append(paths ? "[^/]" : ".");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
