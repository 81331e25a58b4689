package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code ln … /bin/sh} in RUN (Hadolint DL4005): replacing the default shell by a symlink instead of SHELL. As in
 * Hadolint, any {@code ln} with a {@code /bin/sh} argument counts.
 */
final class DL4005 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL4005", Severity.WARNING,
            "Use SHELL to change the default shell",
            "Relinking /bin/sh changes the shell of every script in the image, including the distribution's "
                    + "maintainer scripts and tools that rely on POSIX sh behaviour, and hides the change from "
                    + "anyone reading the Dockerfile. SHELL changes only how the following RUN instructions run.",
            "Use `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` instead of `ln -sf /bin/bash /bin/sh`.",
            List.of(),
            "RUN ln -sfv /bin/bash /bin/sh\n",
            "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n",
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
        for (ShellCommand c : ctx.shell(i).commands("ln")) {
            if (c.args().contains("/bin/sh")) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "Use SHELL to change the default shell instead of `" + c.text() + "`");
                return;
            }
        }
    }
}
