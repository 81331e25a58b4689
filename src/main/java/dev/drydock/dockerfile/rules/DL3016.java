package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** Unpinned packages in {@code npm install} (Hadolint DL3016). */
final class DL3016 extends InstructionRule {

    private static final Set<String> INSTALL = Set.of("install", "i", "add");
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("--loglevel", "--prefix", "--registry", "--cache",
            "--userconfig", "--globalconfig", "-w", "--workspace", "--tag", "--omit", "--include",
            "--install-strategy");
    private static final List<String> GIT = List.of("git://", "git+ssh://", "git+http://", "git+https://");
    private static final List<String> TARBALLS = List.of(".tar", ".tar.gz", ".tgz");
    private static final List<String> FOLDERS = List.of("/", "./", "../", "~/", "file:");

    static final RuleInfo INFO = new RuleInfo("DL3016", Severity.WARNING,
            "Pin versions in npm install",
            "Without a version, `npm install <package>` takes the newest release on the day of the build, so two "
                    + "builds of the same Dockerfile can contain different code, and a rebuild can pull in a "
                    + "broken or compromised release. `npm install` / `npm ci` without package names use the "
                    + "lock file and are fine.",
            "Write `npm install -g typescript@5.4.2`, or list dependencies in package.json with a lock file and "
                    + "run `npm ci`.",
            List.of(),
            "RUN npm install -g typescript\n",
            "RUN npm install -g typescript@5.4.2\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands("npm")) {
            List<String> ops = c.operands(FLAGS_WITH_VALUE);
            if (ops.isEmpty() || !INSTALL.contains(ops.get(0))) {
                continue;
            }
            List<String> unpinned = ops.subList(1, ops.size()).stream().filter(p -> !isPinned(p)).toList();
            if (!unpinned.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "npm install without version for " + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0)
                                + "@<version>`");
            }
        }
    }

    /** As Hadolint: {@code name@version}, git URLs with {@code #ref}, tarballs and folders. */
    static boolean isPinned(String pkg) {
        if (pkg.contains("$")) {
            return true;
        }
        if (GIT.stream().anyMatch(pkg::startsWith)) {
            return pkg.contains("#");
        }
        if (TARBALLS.stream().anyMatch(pkg::endsWith) || FOLDERS.stream().anyMatch(pkg::startsWith)
                || pkg.equals(".")) {
            return true;
        }
        String name = pkg.startsWith("@") && pkg.contains("/") ? pkg.substring(pkg.indexOf('/') + 1) : pkg;
        return name.contains("@");
    }
}
