package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code zypper dist-upgrade} / {@code zypper dup} in a RUN (Hadolint DL3035). */
final class DL3035 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3035", Severity.WARNING,
            "Do not use `zypper dist-upgrade`",
            "`zypper dist-upgrade` moves the whole system to whatever the repositories offer today, possibly a new "
                    + "distribution release with vendor changes and removed packages. The image then no longer "
                    + "matches the tested base, and the result depends on the day of the build.",
            "Use a newer base image, or update only the packages that need it (`zypper --non-interactive update "
                    + "openssl`).",
            List.of(),
            "RUN zypper --non-interactive dist-upgrade && zypper clean\n",
            "RUN zypper --non-interactive update openssl && zypper clean\n",
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
            if (RpmCommand.runs(c, RpmCommand.ZYPPER, "dist-upgrade", "dup")) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`zypper " + RpmCommand.subcommand(c).orElseThrow()
                                + "` upgrades the whole distribution to whatever the repositories offer today");
            }
        }
    }
}
