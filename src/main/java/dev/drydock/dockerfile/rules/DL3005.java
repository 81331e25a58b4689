package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code apt-get upgrade} / {@code dist-upgrade} in RUN. Hadolint dropped its DL3005; drydock keeps the id, at
 * info level, because the trade-off is real either way.
 */
final class DL3005 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3005", Severity.INFO,
            "apt-get upgrade in a build",
            "Upgrading in the Dockerfile pulls security fixes the base image does not have yet, which is its one "
                    + "benefit. The cost: the image content depends on the day it was built, so builds are not "
                    + "reproducible, layers get bigger, and `dist-upgrade` can move packages across releases. A "
                    + "fresh, patched base image gives the fixes without these costs.",
            "Prefer a recent, patched base image (rebuild when it is updated, pin it by digest); if you must "
                    + "upgrade, upgrade only the packages that need the fix: `apt-get install --only-upgrade pkg`.",
            List.of("DS024"),
            "RUN apt-get update && apt-get -y upgrade\n",
            "RUN apt-get update && apt-get install -y --only-upgrade openssl\n",
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
            if (AptGetCommand.isAptOrAptGet(c, "upgrade", "dist-upgrade", "full-upgrade")) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`" + c.name() + " " + c.operands(AptGetCommand.FLAGS_WITH_VALUE).get(0)
                                + "` makes the image depend on the build date; prefer a fresh, patched base image");
                return;
            }
        }
    }
}
