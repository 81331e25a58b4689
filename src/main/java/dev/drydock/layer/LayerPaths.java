package dev.drydock.layer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path normalisation for layer entries: the one place that decides what a tar entry name means. */
public final class LayerPaths {

    private LayerPaths() {
    }

    /**
     * Normalises a tar entry name to a root-relative path ({@code ./usr//bin/} → {@code usr/bin}), or returns null when
     * it escapes the root: an absolute name or one whose {@code ..} climbs above it. {@code ""} is the root itself.
     */
    public static String normalise(String name) {
        String n = name;
        if (n.startsWith("/")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** The parent of a normalised path, {@code ""} for top-level entries. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code parent/child}, or {@code child} under the root. */
    public static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "/" + child;
    }
}
