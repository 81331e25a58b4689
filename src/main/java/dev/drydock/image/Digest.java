package dev.drydock.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:hex} as the OCI image spec defines it
 * (https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests). drydock verifies sha256 and sha512;
 * {@link #toString()} is the exact inverse of {@link #parse(String)}.
 */
public record Digest(String algorithm, String hex) {

    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digest {
        if (!SHA256.equals(algorithm) && !SHA512.equals(algorithm)) {
            throw new IllegalArgumentException("invalid digest '" + algorithm + ":" + hex
                    + "': unsupported algorithm '" + algorithm + "' (drydock verifies sha256 and sha512)");
        }
        int want = SHA256.equals(algorithm) ? 64 : 128;
        if (hex == null || hex.length() != want || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid digest '" + algorithm + ":" + hex + "': expected " + want
                    + " lower-case hex digits");
        }
    }

    /**
     * Parses {@code sha256:<64 hex>} or {@code sha512:<128 hex>}.
     *
     * @throws IllegalArgumentException naming the input and what is wrong
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Digest parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid digest: missing");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("invalid digest '" + text + "': expected algorithm:hex, e.g. sha256:<64 hex digits>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** A sha256 digest of the given hex string (file names in docker archives and OCI layouts). */
    public static Digest sha256(String hex) {
        return new Digest(SHA256, hex.toLowerCase(Locale.ROOT));
    }

    /** The sha256 digest of these bytes. */
    public static Digest sha256Of(byte[] bytes) {
        MessageDigest md = newMessageDigest(SHA256);
        return new Digest(SHA256, HexFormat.of().formatHex(md.digest(bytes)));
    }

    /** A fresh hasher for this digest's algorithm. */
    public MessageDigest newMessageDigest() {
        return newMessageDigest(algorithm);
    }

    /** The digest of what {@code md} has hashed, in {@code md}'s algorithm. */
    public static Digest of(String algorithm, MessageDigest md) {
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    static MessageDigest newMessageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(SHA256.equals(algorithm) ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
    }

    /** The first 12 hex digits, as docker prints image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
