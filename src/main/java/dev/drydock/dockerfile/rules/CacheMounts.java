package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import java.util.function.Predicate;

/**
 * BuildKit {@code RUN --mount=type=cache|tmpfs,target=…} mounts. Whatever a RUN writes below such a target is not
 * stored in the image layer, so package-manager caches there need no cleanup.
 */
final class CacheMounts {

    private CacheMounts() {
    }

    /** Whether a cache or tmpfs mount's target (trailing slashes removed) satisfies {@code target}. */
    static boolean any(Instruction run, Predicate<String> target) {
        for (Flag f : run.flags("mount")) {
            String type = f.mountType();
            if (!type.equals("cache") && !type.equals("tmpfs")) {
                continue;
            }
            var opts = f.options();
            String t = opts.getOrDefault("target", opts.getOrDefault("dst", opts.getOrDefault("destination", "")));
            t = t.replaceAll("/+$", "");
            if (!t.isEmpty() && target.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** A mount exactly at {@code dir} (or a parent of it, which covers it too). */
    static boolean covers(Instruction run, String dir) {
        return any(run, t -> dir.equals(t) || dir.startsWith(t + "/"));
    }
}
