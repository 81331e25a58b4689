package dev.drydock.version;

/**
 * The one bound on version strings: no real version comes near {@value #MAX_LENGTH} characters, and refusing longer
 * ones keeps every scheme's work (some follow regex-based references) small on hostile input.
 */
final class VersionInput {

    /** The longest version any scheme reads. */
    static final int MAX_LENGTH = 1024;

    private VersionInput() {
    }

    /** {@code version} itself, or an {@link InvalidVersionException} when it is null or too long. */
    static String check(String scheme, String version) {
        if (version == null) {
            throw new InvalidVersionException(scheme, "null", "no version");
        }
        if (version.length() > MAX_LENGTH) {
            throw new InvalidVersionException(scheme, version.substring(0, 40) + "...(" + version.length() + " characters)",
                    "longer than " + MAX_LENGTH + " characters");
        }
        return version;
    }
}
