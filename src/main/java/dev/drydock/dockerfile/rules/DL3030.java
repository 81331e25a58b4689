package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code yum install} without {@code -y} (Hadolint DL3030). */
final class DL3030 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3030", Severity.WARNING,
            "Use the -y switch to avoid manual input `yum install -y <package>`",
            "A build has no terminal to answer yum's \"Is this ok [y/N]\" prompt: without `-y` yum reads end of "
                    + "input as \"no\" and exits with an error, so the build fails as soon as an install needs "
                    + "confirmation.",
            "Add `-y` (or `--assumeyes`): `yum install -y httpd-2.4.6`.",
            List.of(),
            "RUN yum install httpd-2.4.6 && yum clean all\n",
            "RUN yum install -y httpd-2.4.6 && yum clean all\n",
            true);

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
            if (RpmCommand.installs(c, RpmCommand.YUM) && !RpmCommand.assumesYes(c)) {
                report(ctx, i, c, out);
            }
        }
    }

    /** Reports at the command, with a fix inserting {@code -y} after the install subcommand (shared with DL3038). */
    static void report(LintContext ctx, Instruction i, ShellCommand c, Violations out) {
        String sub = RpmCommand.installsModules(c) ? "install" : RpmCommand.subcommand(c).orElse("install");
        Edit[] fix = ScriptSource.word(c, sub.equals("group") || sub.equals("groups") ? "install" : sub)
                .flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w, " -y"))
                .map(e -> new Edit[] {e}).orElse(new Edit[0]);
        out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                "`" + c.name() + " " + sub + "` without `-y` stops at the \"Is this ok [y/N]\" prompt; add `-y`",
                fix);
    }
}
