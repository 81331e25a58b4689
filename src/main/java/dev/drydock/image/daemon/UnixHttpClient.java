package dev.drydock.image.daemon;

import dev.drydock.image.ReadThroughInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 client over a unix domain socket, for the Docker Engine API (and Podman's copy of it). Written by
 * hand because java.net.http cannot connect to unix sockets, while Java 16+ can open one with
 * {@link UnixDomainSocketAddress} and {@link SocketChannel}. It does what the API needs and no more: one GET per
 * connection ({@code Connection: close}), the status line and headers, then the body as {@code Content-Length},
 * chunked (RFC 9112 section 7.1) or until the connection closes. Reads that stall longer than the timeout close the
 * channel (channels have no SO_TIMEOUT), which fails the blocked read.
 */
final class UnixHttpClient {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drydock-unix-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Path socket;
    private final long timeoutMillis;

    UnixHttpClient(Path socket, long timeoutMillis) {
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
    }

    /** A response; the body stream owns the connection and closes it. */
    record Response(int status, Map<String, String> headers, InputStream body) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    Response get(String path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Idle idle = new Idle(ch, timeoutMillis);
            OutputStream out = Channels.newOutputStream(ch);
            out.write(("GET " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: drydock\r\nAccept: */*\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(idle.wrap(Channels.newInputStream(ch)), 64 * 1024);
            String status = line(in);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: '" + status.substring(0, Math.min(80, status.length())) + "'");
            }
            int code;
            try {
                code = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: '" + parts[1] + "'");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            int total = status.length();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                total += h.length();
                if (total > MAX_HEADER_BYTES) {
                    throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
                }
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            InputStream body;
            String te = headers.getOrDefault("transfer-encoding", "");
            if (te.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = new ChunkedInputStream(in);
            } else if (headers.containsKey("content-length")) {
                body = new LimitedInputStream(in, Long.parseLong(headers.get("content-length").trim()));
            } else {
                body = in;
            }
            return new Response(code, headers, new FilterInputStream(body) {
                @Override
                public void close() throws IOException {
                    idle.cancel();
                    ch.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A line ending in CRLF (or LF), without it. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed in the middle of the response head");
            }
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() >= 8192) {
                throw new IOException("response line longer than 8192 bytes");
            }
            sb.append((char) c);
        }
    }

    /** Closes the channel when no byte has come for the timeout. */
    private static final class Idle {
        private final SocketChannel ch;
        private final long timeoutMillis;
        private volatile long last = System.nanoTime();
        private volatile boolean fired;
        private final ScheduledFuture<?> task;

        Idle(SocketChannel ch, long timeoutMillis) {
            this.ch = ch;
            this.timeoutMillis = timeoutMillis;
            long period = Math.max(50, Math.min(1000, timeoutMillis / 4));
            this.task = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private void check() {
            if ((System.nanoTime() - last) / 1_000_000 > timeoutMillis) {
                fired = true;
                try {
                    ch.close();
                } catch (IOException e) {
                    // the blocked reader sees the close
                }
                task.cancel(false);
            }
        }

        void cancel() {
            task.cancel(false);
        }

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = in.read(b, off, len);
                        last = System.nanoTime();
                        return n;
                    } catch (IOException e) {
                        if (fired) {
                            throw new java.net.SocketTimeoutException("no data for " + timeoutMillis / 1000 + "s");
                        }
                        throw e;
                    }
                }
            };
        }
    }

    /** Chunked transfer coding: hex size line, data, CRLF; a zero-size chunk and trailers end it. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean eof;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        private boolean next() throws IOException {
            if (eof) {
                return false;
            }
            if (left > 0) {
                return true;
            }
            String size = line(in);
            int semi = size.indexOf(';'); // chunk extensions are ignored
            String hex = (semi >= 0 ? size.substring(0, semi) : size).trim();
            try {
                left = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size '" + hex.substring(0, Math.min(20, hex.length())) + "'");
            }
            if (left < 0) {
                throw new IOException("bad chunk size '" + hex + "'");
            }
            if (left == 0) {
                eof = true;
                while (!line(in).isEmpty()) {
                    // trailers: ignored
                }
                return false;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk (" + left + " bytes missing)");
            }
            left -= n;
            if (left == 0 && !line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            return n;
        }
    }

    /** Exactly {@code length} bytes, failing if the connection ends sooner. */
    static final class LimitedInputStream extends ReadThroughInputStream {
        private long left;

        LimitedInputStream(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed with " + left + " bytes of the body missing");
            }
            left -= n;
            return n;
        }
    }
}
