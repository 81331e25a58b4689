package dev.drydock.imageconfig;

import dev.drydock.layer.LayersReport;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shell and REPL history files ({@code .bash_history}, {@code .ash_history}, {@code .python_history}...) and
 * {@code .git} directories (one finding per outermost {@code .git}, with its size).
 */
final class DI0011 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0011", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "Shell history or .git directory in the image",
            "A shell history records the commands someone typed while preparing the image, often with passwords, "
                    + "tokens and internal host names on the command line. A .git directory ships the whole repository "
                    + "history, including files deleted long ago and credentials in `.git/config` remotes.",
            "Build images from a Dockerfile, not by committing an interactive container. Keep `.git` out of the build "
                    + "context with a `.dockerignore` entry (`.git`), and copy only what the application needs "
                    + "(`COPY --from=build /app/dist /app`).",
            List.of("DKL-LI-0003"));

    static final Set<String> HISTORY = Set.of(".bash_history", ".ash_history", ".sh_history", ".zsh_history",
            ".history", ".python_history", ".node_repl_history", ".mysql_history", ".psql_history", ".sqlite_history",
            ".rediscli_history", ".lesshst", ".viminfo");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        Map<String, long[]> git = new LinkedHashMap<>(); // outermost .git dir -> {entries, bytes}
        for (MergedView.Owned o : in.view().files().values()) {
            String p = o.info().path();
            String gitDir = p.contains(".git") ? outermostGit(p) : null;
            if (gitDir != null) {
                long[] c = git.computeIfAbsent(gitDir, k -> new long[2]);
                c[0] += p.equals(gitDir) ? 0 : 1;
                c[1] += o.info().size();
                continue;
            }
            if (Owners.isFile(o.info()) && HISTORY.contains(o.info().name())) {
                out.add(INFO.finding("History file /" + p,
                        "/" + p + " (" + LayersReport.bytes(o.info().size()) + ") is a command history left in the "
                                + "image.", Owners.location(in, p)));
            }
        }
        for (Map.Entry<String, long[]> g : git.entrySet()) {
            out.add(INFO.finding("Git repository data /" + g.getKey(),
                    "/" + g.getKey() + " holds " + g.getValue()[0] + " entries, " + LayersReport.bytes(g.getValue()[1])
                            + ": the repository's history is in the image.", Owners.location(in, g.getKey())));
        }
        return out;
    }

    /** The path up to its first {@code .git} component, or null. */
    private static String outermostGit(String p) {
        int len = 0;
        for (String part : p.split("/")) {
            len += part.length();
            if (part.equals(".git")) {
                return p.substring(0, len);
            }
            len++;
        }
        return null;
    }
}
