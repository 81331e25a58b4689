package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code apk upgrade} in RUN. Hadolint dropped its DL3017; drydock keeps the id, at info level, because the
 * trade-off is real either way.
 */
final class DL3017 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3017", Severity.INFO,
            "apk upgrade in a build",
            "Upgrading in the Dockerfile pulls security fixes the base image does not have yet, which is its one "
                    + "benefit. The cost: the image content depends on the day it was built, so builds are not "
                    + "reproducible and layers get bigger. A fresh, patched Alpine base image gives the fixes "
                    + "without these costs.",
            "Prefer a recent, patched base image (rebuild when it is updated, pin it by digest); if you must "
                    + "upgrade, upgrade only the package that needs the fix: `apk add --no-cache --upgrade pkg`.",
            List.of(),
            "RUN apk upgrade --no-cache\n",
            "RUN apk add --no-cache --upgrade openssl=3.3.2-r0\n",
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
            if (ApkCommand.is(c, "upgrade")) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`apk upgrade` makes the image depend on the build date; prefer a fresh, patched base image");
                return;
            }
        }
    }
}
