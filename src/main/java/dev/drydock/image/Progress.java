package dev.drydock.image;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One status line on stderr while an image is pulled and its layers walked: {@code drydock: layers 3/7, pulled 41.2 MB}.
 * Only when stderr is a terminal ({@link #terminal}); otherwise {@link #NONE}, which prints nothing. Thread-safe:
 * layers are pulled and walked in parallel. Redraws at most ten times a second.
 */
public final class Progress {

    public static final Progress NONE = new Progress(null);

    private final PrintStream out;
    private final AtomicLong pulled = new AtomicLong();
    private int layersDone;
    private int layersTotal;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream out) {
        this.out = out;
    }

    /** Progress on {@code err} when the process has a console (stderr a terminal), else {@link #NONE}. */
    public static Progress terminal(PrintStream err) {
        return System.console() != null ? new Progress(err) : NONE;
    }

    /** Progress on {@code out} whatever it is (tests). */
    public static Progress to(PrintStream out) {
        return new Progress(out);
    }

    public boolean enabled() {
        return out != null;
    }

    /** Bytes received from a registry or daemon. */
    public void pulled(long bytes) {
        if (out != null) {
            pulled.addAndGet(bytes);
            draw(false);
        }
    }

    public void layers(int done, int total) {
        if (out != null) {
            synchronized (this) {
                layersDone = done;
                layersTotal = total;
            }
            draw(done == total);
        }
    }

    /** Ends the line, if one was drawn. */
    public synchronized void finish() {
        if (out != null && drawn) {
            draw(true);
            out.println();
            out.flush();
            drawn = false;
        }
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder line = new StringBuilder("\rdrydock: ");
        if (layersTotal > 0) {
            line.append("layers ").append(layersDone).append('/').append(layersTotal);
        } else {
            line.append("reading image");
        }
        long p = pulled.get();
        if (p > 0) {
            line.append(String.format(Locale.ROOT, ", pulled %.1f MB", p / 1e6));
        }
        out.print(line.append("   "));
        out.flush();
    }
}
