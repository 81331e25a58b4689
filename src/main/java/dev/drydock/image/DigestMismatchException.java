package dev.drydock.image;

import java.io.IOException;

/** A blob's bytes do not hash to the digest that names it; the message names both digests and the blob. */
public final class DigestMismatchException extends IOException {

    private final Digest expected;
    private final Digest actual;

    public DigestMismatchException(String what, Digest expected, Digest actual) {
        super(what + ": digest mismatch: expected " + expected + " but the content hashes to " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public Digest expected() {
        return expected;
    }

    public Digest actual() {
        return actual;
    }
}
