package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** Unpinned packages in {@code apk add} (Hadolint DL3018). */
final class DL3018 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3018", Severity.WARNING,
            "Pin versions in apk add",
            "Without a version, `apk add` takes whatever the Alpine mirror has on the day of the build, so two "
                    + "builds of the same Dockerfile can contain different software, and a rebuild can break or "
                    + "pull in an unreviewed change.",
            "Write `apk add --no-cache curl=8.5.0-r0`, or a fuzzy pin such as `curl~8.5`. The virtual package "
                    + "name of `--virtual` / `-t` and local `.apk` files need no version.",
            List.of(),
            "RUN apk add --no-cache curl\n",
            "RUN apk add --no-cache curl=8.5.0-r0\n",
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
            if (!ApkCommand.is(c, "add")) {
                continue;
            }
            List<String> unpinned = ApkCommand.packages(c).stream().filter(p -> !isPinned(p)).toList();
            if (!unpinned.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "apk add without version for " + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0)
                                + "=<version>`");
            }
        }
    }

    /** {@code pkg=1.2-r0}, {@code pkg~1.2}, {@code pkg>=1.2}, {@code pkg<2}, a {@code .apk} file, or a variable. */
    static boolean isPinned(String pkg) {
        return pkg.contains("=") || pkg.contains("~") || pkg.contains("<") || pkg.contains(">")
                || pkg.endsWith(".apk") || pkg.contains("$");
    }
}
