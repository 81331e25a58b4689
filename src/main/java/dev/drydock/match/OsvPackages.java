package dev.drydock.match;

import dev.drydock.analyzer.Package;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an installed package is named in OSV (https://ossf.github.io/osv-schema/#affectedpackage-field): the ecosystem
 * and name to look advisories up by, and the version to compare.
 *
 * <ul>
 *   <li>Debian, Ubuntu: the <em>source</em> package (dpkg {@code Source:}) at the source version where dpkg gives
 *       one: advisories are filed against source packages.</li>
 *   <li>Alpine, Wolfi, Chainguard: the origin package ({@code o:} in the apk database) at the package's version.</li>
 *   <li>Red Hat, AlmaLinux, Rocky Linux, SUSE, openSUSE: the binary RPM name (AlmaLinux and Red Hat name binaries) and
 *       the source RPM name (Rocky Linux, SUSE name sources); both are looked up.</li>
 *   <li>PyPI: the name normalised as PEP 503 says; Go: the module path at its version without {@code v}, and the Go
 *       toolchain a binary was built with as {@code stdlib} (see {@link #goToolchainVersion}); Maven:
 *       {@code groupId:artifactId} (a jar whose group is unknown cannot be named); Packagist: lower case; npm,
 *       crates.io, RubyGems, NuGet: as installed.</li>
 * </ul>
 */
public final class OsvPackages {

    private static final Pattern PEP503 = Pattern.compile("[-_.]+");
    /** {@code 1.22}, {@code 1.22.3}, {@code 1.22rc1}, {@code 1.21beta2}: the Go toolchain's own version spelling. */
    private static final Pattern GO_TOOLCHAIN = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta|alpha)(\\d+))?");

    /**
     * One lookup.
     *
     * @param ecosystem the OSV ecosystem with release ({@code Debian:12})
     * @param name      the OSV package name
     * @param version   the version to compare, in the ecosystem's scheme
     */
    public record Key(String ecosystem, String name, String version) {
    }

    private OsvPackages() {
    }

    /** The base ecosystem ({@code Debian} for {@code Debian:12}). */
    public static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    /**
     * The lookups for a package, first the one its findings are reported under. Empty when OSV cannot name it (no
     * ecosystem, no version, a Maven jar without a group): {@link #unnamed} says why.
     */
    public static List<Key> keys(Package p) {
        if (unnamed(p) != null) {
            return List.of();
        }
        String eco = p.ecosystem();
        String version = p.version();
        List<Key> out = new ArrayList<>();
        switch (base(eco)) {
            case "Debian", "Ubuntu" -> out.add(new Key(eco, orElse(p.sourceName(), p.name()),
                    orElse(p.sourceVersion(), version)));
            case "Alpine", "Wolfi", "Chainguard" -> out.add(new Key(eco, orElse(p.sourceName(), p.name()), version));
            case "Red Hat", "AlmaLinux", "Rocky Linux", "SUSE", "openSUSE", "Mageia", "openEuler" -> {
                out.add(new Key(eco, p.name(), version));
                String src = p.sourceName();
                if (src != null && !src.isBlank() && !src.equals(p.name())) {
                    out.add(new Key(eco, src, orElse(p.sourceVersion(), version)));
                }
            }
            case "PyPI" -> out.add(new Key(eco, pep503(p.name()), version));
            case "Go" -> out.add(p.name().equals("stdlib") || p.name().equals("toolchain")
                    ? new Key(eco, p.name(), goToolchainVersion(version))
                    : new Key(eco, p.name(), version.startsWith("v") ? version.substring(1) : version));
            case "Packagist" -> out.add(new Key(eco, p.name().toLowerCase(Locale.ROOT), version));
            default -> out.add(new Key(eco, p.name(), version));
        }
        return out;
    }

    /** Why a package cannot be looked up, or null when it can. */
    public static String unnamed(Package p) {
        if (p.ecosystem() == null || p.ecosystem().isBlank()) {
            return "no ecosystem";
        }
        if (p.version() == null || p.version().isBlank()) {
            return "no version";
        }
        if (base(p.ecosystem()).equals("Go") && p.version().equals("(devel)")) {
            return "a Go main module built from a checkout has no version";
        }
        if (base(p.ecosystem()).equals("Maven") && p.name().indexOf(':') < 0) {
            return "the jar does not say its groupId, and Maven advisories name groupId:artifactId";
        }
        if (dev.drydock.scan.Distro.NEUTRAL.containsKey(p.ecosystem())) {
            return "the operating system is not known, so its advisories cannot be chosen";
        }
        return null;
    }

    /** PEP 503 normalised name: runs of {@code -_.} become {@code -}, lower case. */
    public static String pep503(String name) {
        return PEP503.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * The Go toolchain version ({@code 1.19.8}, {@code 1.19}, {@code 1.22rc1}, with or without {@code go}) as the
     * semantic version Go's vulnerability database uses for {@code stdlib}: {@code 1.19.0}, {@code 1.22.0-rc.1}
     * (the same mapping as golang.org/x/vuln's {@code semverForGoVersion}). Anything else ({@code devel +abc}) is
     * returned unchanged, so comparing it fails loudly instead of guessing.
     */
    public static String goToolchainVersion(String v) {
        String s = v.strip();
        if (s.startsWith("go")) {
            s = s.substring(2);
        }
        Matcher m = GO_TOOLCHAIN.matcher(s);
        if (!m.matches()) {
            return v;
        }
        String patch = m.group(3) == null ? "0" : m.group(3);
        String out = m.group(1) + "." + m.group(2) + "." + patch;
        if (m.group(4) != null) {
            out += "-" + m.group(4) + "." + m.group(5);
        }
        return out;
    }

    private static String orElse(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
