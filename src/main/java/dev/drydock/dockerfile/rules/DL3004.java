package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code sudo} in RUN (Hadolint DL3004). */
final class DL3004 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3004", Severity.ERROR,
            "Do not use sudo",
            "Build steps already run as the current USER; `sudo` adds a setuid binary to the image, depends on "
                    + "sudoers configuration and TTY settings, and behaves differently from a real login, which "
                    + "makes builds unpredictable. Its presence also means any process in the container can try "
                    + "to become root.",
            "Switch with `USER root` for the steps that need it and back afterwards; at runtime use a tool like "
                    + "`gosu` or `su-exec` in the entrypoint.",
            List.of("DS010", "CKV2_DOCKER_1"),
            "USER app\nRUN sudo apt-get update\n",
            "USER root\nRUN apt-get update\nUSER app\n",
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
        for (ShellCommand c : ctx.shell(i).commands("sudo")) {
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                    "RUN uses `sudo`; use USER to change user, or gosu/su-exec at runtime");
            return;
        }
    }
}
