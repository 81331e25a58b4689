package dev.drydock.scan;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the detected OS means for OS packages: the OSV ecosystem their advisories are filed under and the purl
 * namespace and {@code distro} qualifier. OS package analyzers cannot know the distribution from a database file, so
 * they report a neutral ecosystem ({@code dpkg}, {@code apk}, {@code rpm}) which {@link #apply} replaces.
 *
 * @param ecosystem     the OSV ecosystem, e.g. {@code Debian:12}, {@code Alpine:v3.20}, {@code Red Hat}
 * @param purlNamespace e.g. {@code debian}, {@code alpine}, {@code redhat}
 * @param purlDistro    the purl {@code distro} qualifier, e.g. {@code debian-12}, {@code alpine-3.20.1}
 */
public record Distro(String ecosystem, String purlNamespace, String purlDistro) {

    /** The neutral ecosystems OS package analyzers use, and the purl type of each. */
    public static final Map<String, String> NEUTRAL = Map.of("dpkg", "deb", "apk", "apk", "rpm", "rpm");

    /** Ecosystems of OS packages, with or without a release ({@code Debian:12}). */
    private static final Set<String> OS_ECOSYSTEMS = Set.of("dpkg", "apk", "rpm", "Debian", "Ubuntu", "Alpine", "Red Hat",
            "Rocky Linux", "AlmaLinux", "SUSE", "openSUSE", "Wolfi", "Chainguard", "Fedora", "Amazon Linux", "Oracle Linux",
            "Photon OS", "CentOS");

    public static boolean isOsEcosystem(String ecosystem) {
        if (ecosystem == null) {
            return false;
        }
        int colon = ecosystem.indexOf(':');
        return OS_ECOSYSTEMS.contains(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
    }

    /**
     * The distro for an {@code os-release}: OSV's ecosystem naming (https://ossf.github.io/osv-schema/#affectedpackage-field
     * and osv.dev's ecosystems.txt) where OSV has the distribution, else the distribution's own name.
     */
    public static Optional<Distro> of(OperatingSystem os) {
        if (os == null || os.id().isBlank()) {
            return Optional.empty();
        }
        String id = os.id().toLowerCase(Locale.ROOT);
        String v = os.versionId() == null ? "" : os.versionId();
        String distro = v.isEmpty() ? id : id + "-" + v;
        String ecosystem = os.ecosystem() != null ? os.ecosystem() : switch (id) {
            case "debian" -> release("Debian", major(v));
            case "ubuntu" -> release("Ubuntu", v);
            case "alpine" -> v.isEmpty() ? "Alpine" : "Alpine:v" + majorMinor(v);
            case "rhel", "centos" -> "Red Hat";
            case "rocky" -> "Rocky Linux";
            case "almalinux" -> "AlmaLinux";
            case "sles", "sles_sap", "sle-micro", "suse" -> "SUSE";
            case "opensuse", "opensuse-leap", "opensuse-tumbleweed" -> "openSUSE";
            case "wolfi" -> "Wolfi";
            case "chainguard" -> "Chainguard";
            case "fedora" -> "Fedora";
            case "amzn" -> "Amazon Linux";
            case "ol" -> "Oracle Linux";
            case "photon" -> "Photon OS";
            default -> null;
        };
        if (ecosystem == null) {
            return Optional.empty();
        }
        String namespace = switch (id) {
            case "rhel" -> "redhat";
            case "sles", "sles_sap", "sle-micro", "suse" -> "suse";
            case "opensuse-leap", "opensuse-tumbleweed" -> "opensuse";
            case "amzn" -> "amazon";
            case "ol" -> "oracle";
            default -> id;
        };
        return Optional.of(new Distro(ecosystem, namespace, distro));
    }

    private static String release(String name, String version) {
        return version.isEmpty() ? name : name + ":" + version;
    }

    private static String major(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }

    private static String majorMinor(String v) {
        String[] p = v.split("\\.");
        return p.length < 2 ? v : p[0] + "." + p[1];
    }

    /**
     * The package with this distro's ecosystem and its purl rebuilt as {@code pkg:TYPE/NAMESPACE/NAME@VERSION} with the
     * analyzer's qualifiers (arch, epoch, upstream…) plus {@code distro}; a package not in a neutral ecosystem is
     * returned as it is.
     */
    public Package apply(Package p) {
        String type = NEUTRAL.get(p.ecosystem());
        if (type == null) {
            return p;
        }
        return new Package(ecosystem, p.name(), p.version(), purl(type, p), p.sourceName(), p.sourceVersion(), p.arch(),
                p.licenses(), p.path(), p.layer(), p.dev(), p.dependsOn(), p.files());
    }

    /** The analyzer's purl (its version spelling and qualifiers kept) in this namespace, or one built from the fields. */
    private String purl(String type, Package p) {
        try {
            PackageURLBuilder b = null;
            if (p.purl() != null) {
                try {
                    PackageURL old = new PackageURL(p.purl());
                    if (old.getType().equals(type)) {
                        b = old.toBuilder().withNamespace(purlNamespace);
                    }
                } catch (MalformedPackageURLException e) {
                    // rebuilt from the fields below
                }
            }
            if (b == null) {
                b = PackageURLBuilder.aPackageURL().withType(type).withNamespace(purlNamespace).withName(p.name());
                String version = p.version();
                int colon = version == null ? -1 : version.indexOf(':');
                if (type.equals("rpm") && colon > 0) { // purl-spec: rpm epochs go in the epoch qualifier
                    b.withQualifier("epoch", version.substring(0, colon));
                    version = version.substring(colon + 1);
                }
                b.withVersion(version);
            }
            if (p.arch() != null && !p.arch().isBlank()) {
                b.withQualifier("arch", p.arch());
            }
            b.withQualifier("distro", purlDistro);
            return b.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            return p.purl();
        }
    }
}
