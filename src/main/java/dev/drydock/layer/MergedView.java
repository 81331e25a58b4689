package dev.drydock.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * The image's final filesystem, as a container would see it, with what the layers hid.
 *
 * @param files      every path in the final filesystem (explicit tar entries; parent directories a tar left implicit
 *                   are not listed), with the layer that last wrote it, sorted by path
 * @param removed    files deleted (whiteout, opaque directory) or overwritten by a later layer: still inside the image,
 *                   where the secret scanner must look
 * @param changes    per layer: what it added, modified and removed
 * @param efficiency dive's efficiency numbers
 */
public record MergedView(NavigableMap<String, Owned> files, List<Removed> removed, List<LayerChanges> changes,
                         Efficiency efficiency) {

    /** Linux gives up after 40 symlinks in one lookup (ELOOP); so does drydock. */
    public static final int MAX_SYMLINK_HOPS = 40;

    /** A path in the final view and the layer (0-based) that last wrote it. */
    public record Owned(FileInfo info, int layer) {
    }

    public enum Reason { DELETED, OPAQUE_DIRECTORY, OVERWRITTEN }

    /** A file a later layer hid: {@code layer} wrote it, {@code byLayer} deleted or overwrote it. */
    public record Removed(FileInfo info, int layer, int byLayer, Reason reason) {
    }

    /** What one layer changed; bytes are content sizes from the tar headers. */
    public record LayerChanges(int layer, int added, int modified, int removed, long addedBytes, long modifiedBytes,
                               long removedBytes) {
    }

    /** The outcome of {@link #resolve}. */
    public sealed interface Lookup permits Found, NotFound, Loop {
    }

    public record Found(String path, Owned owned) implements Lookup {
    }

    public record NotFound(String path) implements Lookup {
    }

    /** Too many symlinks: {@code chain} lists the links followed, for the message. */
    public record Loop(String path, List<String> chain) implements Lookup {
        public String message() {
            return "symlink loop resolving /" + path + ": " + String.join(" -> ", chain.subList(0, Math.min(chain.size(), 6)))
                    + (chain.size() > 6 ? " -> ..." : "");
        }
    }

    /**
     * Looks a path up as the kernel would inside the image's root: symlinks in every component are followed (absolute
     * targets from the image root, never the host's), {@code ..} stops at the root.
     */
    public Lookup resolve(String path) {
        List<String> chain = new ArrayList<>();
        String current = LayerPaths.normalise(path.startsWith("/") ? path.substring(1) : path);
        if (current == null) {
            return new NotFound(path);
        }
        int hops = 0;
        restart:
        while (true) {
            String[] parts = current.isEmpty() ? new String[0] : current.split("/");
            StringBuilder done = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                String here = done.isEmpty() ? parts[i] : done + "/" + parts[i];
                Owned o = files.get(here);
                if (o != null && o.info().type() == FileInfo.Type.SYMLINK) {
                    if (++hops > MAX_SYMLINK_HOPS) {
                        return new Loop(path, chain);
                    }
                    chain.add("/" + here);
                    String target = o.info().linkName();
                    String base = target.startsWith("/") ? target.substring(1)
                            : LayerPaths.join(LayerPaths.parent(here), target);
                    StringBuilder rest = new StringBuilder(base);
                    for (int j = i + 1; j < parts.length; j++) {
                        rest.append('/').append(parts[j]);
                    }
                    current = clampedNormalise(rest.toString());
                    continue restart;
                }
                if (o == null && i < parts.length - 1 && !hasChildren(here)) {
                    return new NotFound(path);
                }
                done.setLength(0);
                done.append(here);
            }
            Owned o = files.get(current);
            return o == null ? new NotFound(path) : new Found(current, o);
        }
    }

    private boolean hasChildren(String dir) {
        String k = files.ceilingKey(dir + "/");
        return k != null && k.startsWith(dir + "/");
    }

    /** Like {@link LayerPaths#normalise} but {@code ..} at the root stays at the root, as in a chroot. */
    private static String clampedNormalise(String p) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

    /** Every symlink in the final view whose lookup loops; each a diagnostic, never a failure. */
    public List<Loop> symlinkLoops() {
        List<Loop> loops = new ArrayList<>();
        for (Owned o : files.values()) {
            if (o.info().type() == FileInfo.Type.SYMLINK && resolve(o.info().path()) instanceof Loop l) {
                loops.add(l);
            }
        }
        return loops;
    }
}
