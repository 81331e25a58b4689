package dev.drydock.imageconfig;

import dev.drydock.layer.FileInfo;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * World-writable files and directories. Allowed: directories with the sticky bit (like {@code /tmp}: users cannot
 * delete each other's files), and anything inside {@code /tmp} and {@code /var/tmp}. Symlinks (always {@code 0777})
 * and device nodes are not files anyone writes through their mode. Entries inside a reported world-writable directory
 * are counted in that directory's finding rather than reported one by one, so {@code chmod -R 777 /app} is one finding.
 */
final class DI0005 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0005", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "World-writable file or directory",
            "Any process in the container, whatever user it runs as, can change a world-writable file or replace the "
                    + "files of a world-writable directory: a compromised low-privilege process can then rewrite "
                    + "programs, scripts or configuration that a more privileged one runs or reads.",
            "Give the files to the user that needs to write them and drop the other-write bit: "
                    + "`COPY --chown=app:app` and `chmod o-w` (or `chmod 1777` for a shared scratch directory). "
                    + "Write run-time data to a volume or to /tmp.",
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        Map<String, Integer> reported = new LinkedHashMap<>(); // world-writable directory -> entries inside it
        List<String> files = new ArrayList<>();
        for (MergedView.Owned o : in.view().files().values()) {
            FileInfo f = o.info();
            String p = f.path();
            if (!worldWritable(f) || allowed(p)) {
                continue;
            }
            String inside = reportedParent(reported, p);
            if (inside != null) {
                reported.merge(inside, 1, Integer::sum);
            } else if (f.isDirectory()) {
                reported.put(p, 0);
            } else {
                files.add(p);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Integer> d : reported.entrySet()) {
            int mode = in.view().files().get(d.getKey()).info().mode();
            out.add(INFO.finding("World-writable directory /" + d.getKey(),
                    "/" + d.getKey() + " has mode " + String.format("%04o", mode & 07777)
                            + " without the sticky bit: any user can add, replace or delete its files"
                            + (d.getValue() > 0 ? "; " + d.getValue() + " world-writable entries inside it" : "") + ".",
                    Owners.location(in, d.getKey())));
        }
        for (String p : files) {
            int mode = in.view().files().get(p).info().mode();
            out.add(INFO.finding("World-writable file /" + p,
                    "/" + p + " has mode " + String.format("%04o", mode & 07777) + ": any user can change it.",
                    Owners.location(in, p)));
        }
        return out;
    }

    /** The reported directory {@code p} is inside, or null (the view is sorted, so parents come first). */
    private static String reportedParent(Map<String, Integer> reported, String p) {
        for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
            if (reported.containsKey(p.substring(0, slash))) {
                return p.substring(0, slash);
            }
        }
        return null;
    }

    private static boolean worldWritable(FileInfo f) {
        if ((f.mode() & 0002) == 0) {
            return false;
        }
        return switch (f.type()) {
            case FILE, HARDLINK -> true;
            case DIRECTORY -> (f.mode() & 01000) == 0;
            default -> false;
        };
    }

    private static boolean allowed(String p) {
        return p.equals("tmp") || p.startsWith("tmp/") || p.equals("var/tmp") || p.startsWith("var/tmp/");
    }
}
