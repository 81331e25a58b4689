package dev.drydock.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes a blob as it streams and, at end of stream, fails with {@link DigestMismatchException} naming both digests
 * when the content does not match (as Jib's blob puller does). With an expected size, a stream that is longer fails
 * as soon as it passes the size, and one that ends early fails at EOF.
 *
 * <p>Only a stream read to its end is verified: callers that stop early must not trust what they read.
 */
public final class DigestVerifyingInputStream extends ReadThroughInputStream {

    private final Digest expected;
    private final long expectedSize;
    private final String what;
    private final MessageDigest md;
    private long count;
    private boolean verified;

    /**
     * @param what         names the blob in messages (e.g. {@code "layer 3 of docker-archive:img.tar"})
     * @param expectedSize the size the descriptor claims, or -1 when unknown
     */
    public DigestVerifyingInputStream(InputStream in, Digest expected, long expectedSize, String what) {
        super(in);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.what = what;
        this.md = expected.newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEof();
        } else {
            md.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            atEof();
        } else if (n > 0) {
            md.update(b, off, n);
            counted(n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** Reads whatever is left (so trailing bytes are hashed too) and verifies. */
    public void drainAndVerify() throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) >= 0) {
            // reading is the point
        }
    }

    private void counted(long n) throws IOException {
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new IOException(what + ": blob " + expected + " is longer than the " + expectedSize
                    + " bytes its descriptor declares");
        }
    }

    private void atEof() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count < expectedSize) {
            throw new EOFException(what + ": blob " + expected + " is truncated: " + count + " of " + expectedSize
                    + " bytes");
        }
        Digest actual = Digest.of(expected.algorithm(), md);
        if (!actual.equals(expected)) {
            throw new DigestMismatchException(what, expected, actual);
        }
    }
}
