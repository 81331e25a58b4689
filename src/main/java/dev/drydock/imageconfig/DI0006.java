package dev.drydock.imageconfig;

import dev.drydock.layer.LayersReport;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package manager caches and indexes left in the final filesystem, one finding per cache with its file count and
 * size. Only regular files count: the empty directories a package manager creates are not waste.
 */
final class DI0006 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0006", Severity.LOW, CheckInfo.FILESYSTEM,
            "Package manager cache or index left in the image",
            "Package indexes and download caches are only needed while packages are installed. Left in the image, they "
                    + "add megabytes to every pull and every node's disk, and the stale index dates the image; they "
                    + "also make it tempting to `apt-get install` in a running container.",
            "Clean up in the same RUN that installs: `apt-get update && apt-get install -y --no-install-recommends … "
                    + "&& rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `dnf install -y … && dnf clean all`, "
                    + "`pip install --no-cache-dir`, `npm ci && npm cache clean --force`; or use a cache mount "
                    + "(`RUN --mount=type=cache,target=/var/cache/apt`), which never lands in a layer.",
            List.of("DKL-DI-0004", "DKL-DI-0005", "DKL-LI-0003"));

    /** One kind of cache: its name, the files it holds, and the Dockle id of the same check. */
    private record Cache(String name, Pattern pattern, String alias) {
        /** The directory (group 1) of a file of this cache, or null. */
        String dir(String path) {
            Matcher m = pattern.matcher(path);
            return m.matches() ? m.group(1) : null;
        }
    }

    private static final String HOME = "(?:root|home/[^/]+)";

    static final List<Cache> CACHES = List.of(
            new Cache("apt package index", Pattern.compile("(var/lib/apt/lists)/(?!lock$|partial/).+"), "DKL-DI-0005"),
            new Cache("apt package cache", Pattern.compile("(var/cache/apt)/(?:[^/]+\\.bin|archives/[^/]+\\.deb)"),
                    "DKL-DI-0005"),
            new Cache("apk cache", Pattern.compile("(var/cache/apk)/.+"), "DKL-DI-0004"),
            new Cache("yum cache", Pattern.compile("(var/cache/yum)/.+"), null),
            new Cache("dnf cache", Pattern.compile("(var/cache/(?:dnf|libdnf5))/.+"), null),
            new Cache("zypper cache", Pattern.compile("(var/cache/zypp)/.+"), null),
            new Cache("npm cache", Pattern.compile("(" + HOME + "/\\.npm)/.+"), "DKL-LI-0003"),
            new Cache("pip cache", Pattern.compile("(" + HOME + "/\\.cache/pip)/.+"), "DKL-LI-0003"),
            new Cache("yarn cache", Pattern.compile("(" + HOME + "/\\.cache/yarn|usr/local/share/\\.cache/yarn)/.+"),
                    "DKL-LI-0003"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        Map<String, long[]> found = new TreeMap<>(); // dir -> {files, bytes, cache index}
        Predicate<String> maybe = p -> p.startsWith("var/") || p.contains("/.npm/") || p.contains("/.cache/");
        for (MergedView.Owned o : in.view().files().values()) {
            String p = o.info().path();
            if (!Owners.isFile(o.info()) || !maybe.test(p)) {
                continue;
            }
            for (int i = 0; i < CACHES.size(); i++) {
                String dir = CACHES.get(i).dir(p);
                if (dir != null) {
                    long[] c = found.computeIfAbsent(dir, k -> new long[3]);
                    c[0]++;
                    c[1] += o.info().size();
                    c[2] = i;
                    break;
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : found.entrySet()) {
            Cache cache = CACHES.get((int) e.getValue()[2]);
            long files = e.getValue()[0];
            long bytes = e.getValue()[1];
            out.add(INFO.finding(INFO.severity(), cache.alias() == null ? List.of() : List.of(cache.alias()),
                    "The " + cache.name() + " is left in /" + e.getKey() + " (" + LayersReport.bytes(bytes) + ")",
                    "/" + e.getKey() + " holds " + files + " file" + (files == 1 ? "" : "s") + " of the " + cache.name()
                            + ", " + LayersReport.bytes(bytes) + " (" + bytes + " bytes) nothing at run time needs.",
                    Owners.location(in, e.getKey())));
        }
        return out;
    }
}
