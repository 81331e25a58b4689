package dev.drydock.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.image.ImageReference;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Subject;
import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.VersionScheme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which VEX statement, if any, speaks for a vulnerability finding. A statement applies when it names the finding's
 * id or one of its aliases, and one of its products is the finding's package (by purl; a purl with a version only
 * matches that version, compared in the ecosystem's scheme) or the scanned image or directory itself (its
 * {@code pkg:oci} purl, digest or name), with the package among the product's subcomponents when it lists any. Of
 * several statements the latest wins (OpenVEX: statements are a timeline); on equal times, the later given.
 */
final class VexMatcher {

    private final List<Vex> documents;
    private final Subject subject;
    private final Function<String, Optional<VersionScheme>> schemes;

    VexMatcher(List<Vex> documents, Subject subject, Function<String, Optional<VersionScheme>> schemes) {
        this.documents = documents;
        this.subject = subject;
        this.schemes = schemes;
    }

    record Hit(Vex document, Vex.Statement statement) {
    }

    Optional<Hit> find(Finding f) {
        if (f.kind() != Finding.Kind.VULNERABILITY) {
            return Optional.empty();
        }
        Hit best = null;
        for (Vex d : documents) {
            for (Vex.Statement s : d.statements()) {
                if (namesVulnerability(s, f) && s.products().stream().anyMatch(p -> productMatches(p, f))) {
                    if (best == null || !time(s).isBefore(time(best.statement))) {
                        best = new Hit(d, s);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Instant time(Vex.Statement s) {
        return s.timestamp() == null ? Instant.EPOCH : s.timestamp();
    }

    private static boolean namesVulnerability(Vex.Statement s, Finding f) {
        return same(s.vulnerability(), f) || s.aliases().stream().anyMatch(a -> same(a, f));
    }

    private static boolean same(String name, Finding f) {
        return name.equalsIgnoreCase(f.id()) || f.aliases().stream().anyMatch(name::equalsIgnoreCase);
    }

    private boolean productMatches(Vex.Product p, Finding f) {
        String pkg = f.vulnerability() == null ? null : f.vulnerability().purl();
        if (purlMatches(p.id(), pkg, f, p.versions())) {
            return true;
        }
        if (isSubject(p.id())) {
            return p.subcomponents().isEmpty() || p.subcomponents().stream().anyMatch(s -> purlMatches(s, pkg, f, null));
        }
        return false;
    }

    /** The VEX purl names the finding's package: same type, namespace, name; its qualifiers and version, if any, agree. */
    boolean purlMatches(String vexId, String packagePurl, Finding f, VersionRange range) {
        if (vexId == null || packagePurl == null || !vexId.startsWith("pkg:")) {
            return false;
        }
        PackageURL want;
        PackageURL have;
        try {
            want = new PackageURL(vexId);
            have = new PackageURL(packagePurl);
        } catch (MalformedPackageURLException e) {
            return vexId.equals(packagePurl);
        }
        if (!want.getType().equalsIgnoreCase(have.getType()) || !want.getName().equalsIgnoreCase(have.getName())
                || !eq(want.getNamespace(), have.getNamespace())) {
            return false;
        }
        Map<String, String> wq = want.getQualifiers();
        Map<String, String> hq = have.getQualifiers();
        if (wq != null && hq != null) {
            for (Map.Entry<String, String> e : wq.entrySet()) {
                String h = hq.get(e.getKey());
                if (h != null && !h.equals(e.getValue())) {
                    return false;
                }
            }
        }
        String installed = f.vulnerability().installedVersion();
        VersionScheme scheme = schemes.apply(f.vulnerability().ecosystem()).orElse(null);
        if (want.getVersion() != null && !sameVersion(want.getVersion(), installed != null ? installed : have.getVersion(), scheme)) {
            return false;
        }
        return range == null || installed != null && range.test(installed, scheme) == VersionRange.Match.YES;
    }

    private static boolean sameVersion(String a, String b, VersionScheme scheme) {
        if (b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        try {
            return scheme != null && scheme.compare(a, b) == 0;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null || b.isEmpty() : a.equalsIgnoreCase(b == null ? "" : b);
    }

    /** The product is what was scanned: its {@code pkg:oci}/{@code pkg:docker} purl, digest, image id or name. */
    boolean isSubject(String id) {
        if (id == null || subject == null) {
            return false;
        }
        if (id.equals(subject.name()) || id.equals(subject.digest()) || id.equals(subject.imageId())) {
            return true;
        }
        if (id.startsWith("pkg:oci/") || id.startsWith("pkg:docker/")) {
            try {
                PackageURL p = new PackageURL(id);
                String v = p.getVersion();
                if (v != null && v.contains(":")) { // a digest
                    return v.equals(subject.digest()) || v.equals(subject.imageId());
                }
                String repo = subject.name() == null ? "" : ImageReference.tryParse(subject.name().replaceFirst("^[a-z-]+:", ""))
                        .map(ImageReference::repository).orElse(subject.name());
                String last = repo.substring(repo.lastIndexOf('/') + 1);
                boolean name = p.getName().equalsIgnoreCase(last);
                return name && (v == null || subject.tags().stream().anyMatch(t -> t.endsWith(":" + v) || t.equals(v)));
            } catch (MalformedPackageURLException e) {
                return false;
            }
        }
        return false;
    }
}
