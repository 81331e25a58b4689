package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code yum update} / {@code upgrade} of the whole system in a RUN (Hadolint's former DL3031). Unlike Hadolint, an
 * update of named packages ({@code yum update -y openssl}) is the recommended fix, not a violation.
 */
final class DL3031 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3031", Severity.INFO,
            "Do not use yum update",
            "`yum update` upgrades every package of the base image to whatever the mirror has today, so the "
                    + "image's content depends on the day it was built and differs from the tested base. Hadolint "
                    + "reported this as an error until it removed DL3031 (with DL3005 and DL3039) in v2.0, because "
                    + "updating for security fixes is often wanted; drydock keeps it as information so a "
                    + "deliberate update is visible.",
            "Use a newer, patched base image instead, or update only the packages that need it "
                    + "(`yum update -y openssl-1.0.2k`), and say why in a comment.",
            List.of(),
            "RUN yum update -y && yum clean all\n",
            "RUN yum install -y openssl-1.0.2k && yum clean all\n",
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
            if (RpmCommand.runs(c, RpmCommand.YUM, "update", "update-to", "upgrade", "upgrade-to")
                    && RpmCommand.packages(c).isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`yum " + RpmCommand.subcommand(c).orElseThrow()
                                + "` upgrades the base image's packages to whatever the mirror has today");
            }
        }
    }
}
