package dev.drydock.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.image.ImageReference;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drydock's own findings as VEX statements, for the OpenVEX writer ({@link OpenVexWriter}) and the CycloneDX writer's
 * {@code vulnerabilities[].analysis} ({@link VexStatus#cycloneDx()}, {@link VexJustification#cycloneDx()}).
 *
 * <p>What each says is only what drydock knows: a finding a VEX document cleared keeps that document's status and
 * justification; every other vulnerability is {@code affected}, with what to do as its action statement — a finding
 * the team accepted in an ignore file is still affected (accepting a risk is not being unaffected), and the action
 * statement says it was accepted, why and until when.
 */
public final class VexStatements {

    private static final Pattern VEX_REASON = Pattern.compile("VEX (\\w+)(?: \\((\\w+)\\))?(?:: (.*))?", Pattern.DOTALL);

    private VexStatements() {
    }

    /**
     * One statement.
     *
     * @param vulnerability   the finding's id
     * @param aliases         its aliases
     * @param product         the scanned image's purl ({@code pkg:oci/name@sha256:…}) or the directory's name
     * @param subcomponent    the vulnerable package's purl, or null when it has none
     * @param status          the status
     * @param justification   why not affected, or null
     * @param impactStatement how not affected, or null
     * @param actionStatement what to do (always given for {@code affected}, as OpenVEX requires), or null
     * @param fixAvailable    a fixed version of the package exists
     * @param accepted        the team accepted the risk in an ignore file
     */
    public record Statement(String vulnerability, List<String> aliases, String product, String subcomponent,
                            VexStatus status, VexJustification justification, String impactStatement,
                            String actionStatement, boolean fixAvailable, boolean accepted) {
        public Statement {
            aliases = List.copyOf(aliases);
        }

        /**
         * CycloneDX {@code analysis.response} for an affected finding: {@code update} when the action is an upgrade,
         * {@code will_not_fix} when the team accepted it; empty otherwise.
         */
        public List<String> cycloneDxResponse() {
            if (status != VexStatus.AFFECTED || actionStatement == null) {
                return List.of();
            }
            List<String> r = new ArrayList<>();
            if (fixAvailable) {
                r.add("update");
            }
            if (accepted) {
                r.add("will_not_fix");
            }
            return List.copyOf(r);
        }

        /** CycloneDX {@code analysis.detail}: the impact statement, else the action statement. */
        public String cycloneDxDetail() {
            return impactStatement != null ? impactStatement : actionStatement;
        }
    }

    static final String ACCEPTED = "Accepted by the team";

    /** The statements for every vulnerability finding of the report, deduplicated, in the report's order. */
    public static List<Statement> of(ScanReport report) {
        String product = product(report.subject());
        Set<Statement> out = new LinkedHashSet<>();
        for (Finding f : report.findings()) {
            if (f.kind() != Finding.Kind.VULNERABILITY) {
                continue;
            }
            String sub = f.vulnerability() == null ? null : f.vulnerability().purl();
            Finding.Suppression s = f.suppressed();
            if (s != null && "vex".equals(s.by())) {
                Matcher m = VEX_REASON.matcher(s.reason());
                if (m.matches()) {
                    VexStatus status = VexStatus.ofOpenVex(m.group(1));
                    VexJustification j = m.group(2) == null ? null : VexJustification.ofOpenVex(m.group(2));
                    if (status != null) {
                        String text = m.group(3);
                        out.add(new Statement(f.id(), f.aliases(), product, sub, status, j,
                                status == VexStatus.NOT_AFFECTED ? (text == null && j == null ? s.reason() : text) : null,
                                status == VexStatus.NOT_AFFECTED ? null : text, fixAvailable(f), false));
                        continue;
                    }
                }
            }
            out.add(new Statement(f.id(), f.aliases(), product, sub, VexStatus.AFFECTED, null, null, action(f), fixAvailable(f),
                    s != null && "ignorefile".equals(s.by())));
        }
        return List.copyOf(out);
    }

    private static boolean fixAvailable(Finding f) {
        return f.vulnerability() != null && !f.vulnerability().fixedVersions().isEmpty();
    }

    private static String action(Finding f) {
        StringBuilder b = new StringBuilder();
        Finding.Vulnerability v = f.vulnerability();
        if (f.fix() != null && !f.fix().isBlank()) {
            b.append(f.fix().strip());
        } else if (v != null && !v.fixedVersions().isEmpty()) {
            b.append("Upgrade ").append(v.packageName()).append(" to ").append(v.fixedVersions().get(0)).append(" or later.");
        } else {
            b.append("No fixed version is available yet; remove ").append(v == null ? "the package" : v.packageName())
                    .append(" if it is not needed, or mitigate.");
        }
        Finding.Suppression s = f.suppressed();
        if (s != null && "ignorefile".equals(s.by())) {
            b.append(" ").append(ACCEPTED).append(s.expires() == null ? "" : " until " + s.expires()).append(": ").append(s.reason());
        }
        return b.toString();
    }

    /** The product's identity: an image's OCI purl (purl spec, type oci), else the scanned name. */
    public static String product(Subject subject) {
        if (subject == null) {
            return "unknown";
        }
        if (subject.isDirectory()) {
            return subject.name();
        }
        Optional<ImageReference> ref = reference(subject);
        String name = ref.map(r -> r.repository().substring(r.repository().lastIndexOf('/') + 1)).orElse("image");
        TreeMap<String, String> q = new TreeMap<>();
        ref.ifPresent(r -> q.put("repository_url", r.registry() + "/" + r.repository()));
        ref.filter(ImageReference::hasTag).ifPresent(r -> q.put("tag", r.tag()));
        try {
            return new PackageURL("oci", null, name.toLowerCase(Locale.ROOT), subject.digest(), q, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return subject.digest();
        }
    }

    /** The image's name: the REF when it is a registry reference, else its first tag. */
    private static Optional<ImageReference> reference(Subject s) {
        List<String> candidates = new ArrayList<>();
        if (s.name() != null && !s.name().matches("^[a-z-]+:.*") || s.name() != null && s.name().matches("^[a-z0-9.-]+:\\d+/.*")) {
            candidates.add(s.name());
        }
        candidates.addAll(s.tags());
        for (String c : candidates) {
            Optional<ImageReference> r = ImageReference.tryParse(c);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
