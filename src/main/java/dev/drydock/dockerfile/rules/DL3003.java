package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code cd} in RUN instead of WORKDIR (Hadolint DL3003). Only a {@code cd} of the RUN's own shell counts: one in a
 * script handed to another shell ({@code su nobody -c "cd /tmp && make"}, {@code sh -c '…'}) changes that shell's
 * directory only. Hadolint does not report those either (ShellCheck leaves the string unparsed).
 */
final class DL3003 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3003", Severity.WARNING,
            "Use WORKDIR to switch to a directory",
            "A `cd` only lasts until the end of its RUN, so later instructions silently run somewhere else, and "
                    + "chains of `cd … && …` are hard to read and review. WORKDIR sets the directory for every "
                    + "following instruction, creates it if needed, and documents it.",
            "Replace `RUN cd /src && make` with `WORKDIR /src` followed by `RUN make`.",
            List.of("DS013"),
            "RUN cd /usr/src/app && make install\n",
            "WORKDIR /usr/src/app\nRUN make install\n",
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
        for (ShellCommand c : ctx.shell(i).commands("cd")) {
            if (c.inChildShell()) {
                continue; // `su app -c "cd /tmp && make"`: that shell's directory, not the RUN's; WORKDIR cannot replace it
            }
            String dir = c.args().isEmpty() ? "~" : c.args().get(0);
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                    "`cd " + dir + "` in RUN; use `WORKDIR " + dir + "` instead");
            return;
        }
    }
}
