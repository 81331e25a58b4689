package dev.drydock.version;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The version scheme for each OSV ecosystem. OS ecosystems may carry a release suffix ({@code Debian:12},
 * {@code Alpine:v3.19}, {@code Ubuntu:22.04:LTS}); only the part before the first colon chooses the scheme.
 */
public final class VersionSchemes {

    private static final Map<String, VersionScheme> BY_ECOSYSTEM = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        // Each scheme adds its ecosystems here, one line per ecosystem.
        VersionScheme deb = new DebianVersion();
        BY_ECOSYSTEM.put("Debian", deb);
        BY_ECOSYSTEM.put("Ubuntu", deb);
        VersionScheme rpm = new RpmVersion();
        BY_ECOSYSTEM.put("Red Hat", rpm);
        BY_ECOSYSTEM.put("AlmaLinux", rpm);
        BY_ECOSYSTEM.put("Rocky Linux", rpm);
        BY_ECOSYSTEM.put("SUSE", rpm);
        BY_ECOSYSTEM.put("openSUSE", rpm);
        BY_ECOSYSTEM.put("Mageia", rpm);
        BY_ECOSYSTEM.put("openEuler", rpm);
        VersionScheme apk = new ApkVersion();
        BY_ECOSYSTEM.put("Alpine", apk);
        BY_ECOSYSTEM.put("Wolfi", apk);
        BY_ECOSYSTEM.put("Chainguard", apk);
        BY_ECOSYSTEM.put("PyPI", new Pep440Version());
        BY_ECOSYSTEM.put("RubyGems", new RubyGemsVersion());
        BY_ECOSYSTEM.put("npm", SemVer.NPM);
        BY_ECOSYSTEM.put("Go", GoVersion.INSTANCE);
        BY_ECOSYSTEM.put("crates.io", CargoVersion.INSTANCE);
        BY_ECOSYSTEM.put("Hex", SemVer.SCHEME); // Elixir's Version: SemVer 2.0.0 precedence, build metadata ignored
        BY_ECOSYSTEM.put("Maven", MavenVersion.INSTANCE);
        BY_ECOSYSTEM.put("NuGet", NuGetVersion.INSTANCE);
        BY_ECOSYSTEM.put("Packagist", ComposerVersion.INSTANCE);
    }

    private VersionSchemes() {
    }

    /** The scheme for an OSV ecosystem name, if drydock knows one. */
    public static Optional<VersionScheme> forEcosystem(String ecosystem) {
        if (ecosystem == null) {
            return Optional.empty();
        }
        int colon = ecosystem.indexOf(':');
        String base = colon < 0 ? ecosystem : ecosystem.substring(0, colon);
        return Optional.ofNullable(BY_ECOSYSTEM.get(base.strip()));
    }

    /** All known ecosystem names (base names, without release), sorted. */
    public static java.util.Set<String> ecosystems() {
        return java.util.Collections.unmodifiableSet(BY_ECOSYSTEM.keySet());
    }

    /** The scheme with the given {@link VersionScheme#name()} or ecosystem name, case-insensitive. */
    public static Optional<VersionScheme> byName(String name) {
        Optional<VersionScheme> eco = forEcosystem(name);
        if (eco.isPresent()) {
            return eco;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return BY_ECOSYSTEM.values().stream().filter(s -> s.name().equals(wanted)).findFirst();
    }
}
