package dev.drydock.version;

/**
 * One ecosystem's version ordering, following its reference implementation exactly (dpkg, rpmvercmp, apk-tools,
 * PEP 440 {@code packaging}, node-semver, Maven {@code ComparableVersion}, RubyGems {@code Gem::Version}, NuGet,
 * Composer, Go and Cargo semver). Implementations are stateless, thread-safe pure functions.
 */
public interface VersionScheme {

    /** A short stable name ({@code deb}, {@code rpm}, {@code apk}, {@code pep440}, {@code semver}, {@code npm}, {@code go}, ...). */
    String name();

    /**
     * Compares two versions in this scheme.
     *
     * @return a negative number, zero or a positive number as {@code a} is older than, equal to or newer than {@code b}
     * @throws InvalidVersionException when either version cannot be parsed in this scheme (never a silent string
     *                                 comparison)
     */
    int compare(String a, String b);

    /** Checks that {@code version} parses in this scheme; throws {@link InvalidVersionException} if not. */
    default void validate(String version) {
        compare(version, version);
    }
}
