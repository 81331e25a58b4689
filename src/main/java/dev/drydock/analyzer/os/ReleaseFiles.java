package dev.drydock.analyzer.os;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution-specific release files older or minimal images carry instead of (or besides) os-release, each read
 * into an {@link OsRelease} with the {@code ID} os-release would have used.
 */
final class ReleaseFiles {

    /** Paths, in the order {@code OsReleaseAnalyzer#identify} trusts them after os-release. */
    static final List<String> PATHS = List.of("etc/alpine-release", "etc/redhat-release", "etc/centos-release",
            "etc/rocky-release", "etc/almalinux-release", "etc/oracle-release", "etc/fedora-release",
            "etc/system-release", "etc/SuSE-release", "etc/photon-release", "etc/lsb-release", "etc/debian_version");

    /** {@code NAME release 9.4 (Codename)}: the first line of redhat-release and its siblings. */
    private static final Pattern RELEASE = Pattern.compile("^(.*?)\\s+release\\s+([0-9][0-9.]*)");
    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)*)");

    private ReleaseFiles() {
    }

    static OsRelease read(String path, String text) {
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return switch (path) {
            case "etc/alpine-release" -> number(first).isEmpty() ? null : new OsRelease("alpine", number(first), null,
                    "Alpine Linux v" + number(first), List.of());
            case "etc/debian_version" -> first.isEmpty() ? null : new OsRelease("debian",
                    Character.isDigit(first.charAt(0)) ? first.split("\\.")[0] : "", first.contains("/")
                    ? first.substring(0, first.indexOf('/')) : null, "Debian GNU/Linux " + first, List.of());
            case "etc/lsb-release" -> lsb(text);
            case "etc/SuSE-release" -> suse(text, first);
            case "etc/photon-release" -> number(first).isEmpty() ? null : new OsRelease("photon", number(first), null,
                    first, List.of());
            default -> redHatFamily(first);
        };
    }

    private static String number(String s) {
        Matcher m = NUMBER.matcher(s);
        return m.find() ? m.group(1) : "";
    }

    private static OsRelease lsb(String text) {
        Map<String, String> kv = OsReleaseAnalyzer.parse(text);
        String id = kv.get("DISTRIB_ID");
        if (id == null || id.isBlank()) {
            return null;
        }
        return new OsRelease(id.toLowerCase(Locale.ROOT).replace(' ', '-'), kv.get("DISTRIB_RELEASE"),
                kv.get("DISTRIB_CODENAME"), kv.get("DISTRIB_DESCRIPTION"), List.of());
    }

    private static OsRelease suse(String text, String first) {
        Map<String, String> kv = OsReleaseAnalyzer.parse(text.replace(" = ", "="));
        String version = kv.getOrDefault("VERSION", number(first));
        String patch = kv.get("PATCHLEVEL");
        if (first.toLowerCase(Locale.ROOT).startsWith("opensuse")) {
            return new OsRelease("opensuse-leap", version, null, first, List.of("suse"));
        }
        return new OsRelease("sles", patch == null || patch.equals("0") ? version : version + "-SP" + patch, null, first,
                List.of("suse"));
    }

    private static OsRelease redHatFamily(String first) {
        Matcher m = RELEASE.matcher(first);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String version = m.group(2);
        String id;
        if (name.startsWith("red hat")) {
            id = "rhel";
        } else if (name.startsWith("centos")) {
            id = "centos";
        } else if (name.startsWith("rocky")) {
            id = "rocky";
        } else if (name.startsWith("almalinux")) {
            id = "almalinux";
        } else if (name.startsWith("oracle")) {
            id = "ol";
        } else if (name.startsWith("fedora")) {
            id = "fedora";
        } else if (name.startsWith("amazon")) {
            id = "amzn";
        } else {
            return null;
        }
        return new OsRelease(id, version, null, first, id.equals("fedora") ? List.of() : List.of("rhel", "fedora"));
    }
}
