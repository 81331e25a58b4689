package dev.drydock.version;

/** A version string that does not parse in the scheme asked for. Carries the scheme, the input and why. */
public final class InvalidVersionException extends IllegalArgumentException {

    private final String scheme;
    private final String version;

    public InvalidVersionException(String scheme, String version, String reason) {
        super("invalid " + scheme + " version '" + version + "': " + reason);
        this.scheme = scheme;
        this.version = version;
    }

    public String scheme() {
        return scheme;
    }

    public String version() {
        return version;
    }
}
