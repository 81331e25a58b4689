package dev.drydock.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} with a read timeout. java.net.http's own {@code ofInputStream()} blocks
 * forever when a server stalls mid-body, and {@code HttpRequest.timeout} only covers the wait for the headers; this
 * subscriber asks for one buffer list at a time (so memory stays flat) and fails a read that waits longer than the
 * timeout, naming what was being read.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private final String what;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> buffers;
    private ByteBuffer current;
    private boolean done;
    private boolean closed;

    BodyStream(Duration timeout, String what) {
        this.timeout = timeout;
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (buffers != null && buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (done) {
                return false;
            }
            if (closed) {
                throw new IOException(what + ": stream closed");
            }
            Object o;
            try {
                o = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(what + ": interrupted");
            }
            if (o == null) {
                throw new HttpTimeoutException(what + ": no data for " + timeout.toSeconds() + "s");
            }
            if (o == END) {
                done = true;
                return false;
            }
            if (o instanceof Throwable t) {
                done = true;
                throw new IOException(what + ": " + (t.getMessage() == null ? t.toString() : t.getMessage()), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) o;
            buffers = list.iterator();
            subscription.request(1);
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Flow.Subscription s = subscription;
            if (s != null && !done) {
                s.cancel();
            }
        }
    }
}
