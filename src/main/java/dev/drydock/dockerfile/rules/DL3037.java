package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** Unpinned packages in {@code zypper install} / {@code zypper in} (Hadolint DL3037). */
final class DL3037 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3037", Severity.WARNING,
            "Specify version with `zypper install -y <package>=<version>`",
            "Without a version, `zypper install` takes whatever the repositories have on the day of the build, so "
                    + "two builds of the same Dockerfile can contain different software, and a rebuild can break "
                    + "or pull in an unreviewed change.",
            "Write `zypper install -y curl=8.6.0`, a range such as `'curl>=8.6'` (quoted for the shell), or a "
                    + "local `.rpm` file.",
            List.of(),
            "RUN zypper install -y curl && zypper clean\n",
            "RUN zypper install -y curl=8.6.0 && zypper clean\n",
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
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (!RpmCommand.installs(c, RpmCommand.ZYPPER)
                    || !c.flagValue("-t", "--type").orElse("package").equals("package")) {
                continue;
            }
            List<String> unpinned = RpmCommand.packages(c).stream()
                    .filter(p -> !p.contains("$") && !isPinned(p)).toList();
            if (!unpinned.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`zypper " + RpmCommand.subcommand(c).orElseThrow() + "` without version for "
                                + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0) + "=<version>`");
            }
        }
    }

    /** As Hadolint: {@code =}, {@code >}, {@code <} (with or without {@code =}), or an {@code .rpm} file. */
    static boolean isPinned(String pkg) {
        return pkg.contains("=") || pkg.contains(">") || pkg.contains("<") || pkg.endsWith(".rpm");
    }
}
