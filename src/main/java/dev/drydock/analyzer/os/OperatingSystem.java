package dev.drydock.analyzer.os;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The distribution an image is built on, as the rest of drydock needs it.
 *
 * @param id           os-release {@code ID}: {@code debian}, {@code ubuntu}, {@code alpine}, {@code rhel},
 *                     {@code centos}, {@code rocky}, {@code almalinux}, {@code fedora}, {@code amzn}, {@code ol},
 *                     {@code sles}, {@code opensuse-leap}, {@code opensuse-tumbleweed}, {@code photon}, {@code wolfi},
 *                     {@code chainguard}, or whatever else the image says
 * @param versionId    {@code VERSION_ID}; empty for rolling releases
 * @param name         a human name, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param distroless   a Google distroless image: Debian's os-release with one dpkg status file per package in
 *                     {@code /var/lib/dpkg/status.d/} and no package manager
 * @param ecosystem    the OSV ecosystem OS packages are matched in, e.g. {@code Debian:12}, {@code Ubuntu:22.04:LTS},
 *                     {@code Alpine:v3.20}, {@code Red Hat}, {@code Rocky Linux:9}; null when OSV has none
 * @param endOfLife    the last day the release gets security updates ({@code yyyy-MM-dd}, a string so any JSON writer
 *                     can write it), where {@link EndOfLife} knows it; else null
 * @param source       the file it was read from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperatingSystem(String id, String versionId, String name, boolean distroless, String ecosystem,
                              String endOfLife, String source) {

    /** The OS an os-release (or release file) read at {@code source} describes. */
    public static OperatingSystem of(OsRelease r, boolean distroless, String source) {
        String id = r.id().toLowerCase(Locale.ROOT);
        String version = r.versionId();
        String name = r.prettyName().isEmpty() ? r.toString() : r.prettyName();
        return new OperatingSystem(id, version, distroless ? name + " (distroless)" : name, distroless,
                ecosystem(id, version), EndOfLife.of(id, version).map(LocalDate::toString).orElse(null), source);
    }

    /** Whether the release no longer gets security updates on the clock's day; false when not known. */
    public boolean pastEndOfLife(Clock clock) {
        return endOfLife != null && LocalDate.now(clock).isAfter(LocalDate.parse(endOfLife));
    }

    /** OSV ecosystem names: https://ossf.github.io/osv-schema/#affectedpackage-field (ecosystems.txt on osv.dev). */
    static String ecosystem(String id, String version) {
        String major = version.split("[.-]")[0];
        String majorMinor = majorMinor(version);
        return switch (id) {
            case "debian" -> major.isEmpty() ? "Debian" : "Debian:" + major;
            case "ubuntu" -> version.isEmpty() ? "Ubuntu" : "Ubuntu:" + majorMinor + (lts(majorMinor) ? ":LTS" : "");
            case "alpine" -> version.isEmpty() ? "Alpine" : "Alpine:v" + majorMinor;
            case "rhel" -> "Red Hat";
            case "rocky" -> major.isEmpty() ? "Rocky Linux" : "Rocky Linux:" + major;
            case "almalinux" -> major.isEmpty() ? "AlmaLinux" : "AlmaLinux:" + major;
            case "sles" -> "SUSE:Linux Enterprise Server " + version.replace("-SP", " SP").replace(".", " SP");
            case "opensuse-leap" -> "openSUSE:Leap " + version;
            case "opensuse-tumbleweed" -> "openSUSE:Tumbleweed";
            case "wolfi" -> "Wolfi";
            case "chainguard" -> "Chainguard";
            default -> null; // CentOS, Fedora, Amazon Linux, Oracle Linux, Photon: no OSV ecosystem
        };
    }

    static String majorMinor(String version) {
        String[] p = version.split("[.-]");
        return p.length >= 2 ? p[0] + "." + p[1] : version;
    }

    /** Ubuntu's long-term releases: April of even years. */
    private static boolean lts(String majorMinor) {
        String[] p = majorMinor.split("\\.");
        try {
            return p.length == 2 && Integer.parseInt(p[0]) % 2 == 0 && p[1].equals("04");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
