package dev.drydock.version;

/**
 * How a scheme reads a version, for users checking a matching decision ({@code drydock version compare --explain}):
 * the normalised form the scheme compares, in that scheme's own notation.
 */
public final class VersionReadings {

    private VersionReadings() {
    }

    /** The normalised form of {@code version}; throws {@link InvalidVersionException} if it does not parse. */
    public static String describe(VersionScheme scheme, String version) {
        if (scheme == SemVer.NPM || scheme == SemVer.SCHEME) {
            SemVer v = scheme == SemVer.NPM ? SemVer.parseNpm(version) : SemVer.parse(version);
            String main = v.major() + "." + v.minor() + "." + v.patch()
                    + (v.isPrerelease() ? "-" + String.join(".", v.prerelease()) : "");
            return main + (v.build().isEmpty() ? "" : " (build " + String.join(".", v.build()) + " ignored)");
        }
        if (scheme instanceof GoVersion) {
            return GoVersion.toSemver(version);
        }
        if (scheme instanceof CargoVersion) {
            return CargoVersion.parse(version).toString();
        }
        if (scheme instanceof MavenVersion) {
            return MavenVersion.canonical(version);
        }
        if (scheme instanceof NuGetVersion) {
            return NuGetVersion.normalized(version);
        }
        if (scheme instanceof ComposerVersion) {
            return ComposerVersion.normalize(version);
        }
        scheme.validate(version);
        return version;
    }
}
