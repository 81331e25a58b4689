package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code dnf install} / {@code microdnf install} without {@code -y} (Hadolint DL3038). */
final class DL3038 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3038", Severity.WARNING,
            "Use the -y switch to avoid manual input `dnf install -y <package>`",
            "A build has no terminal to answer dnf's \"Is this ok [y/N]\" prompt: without `-y` dnf reads end of "
                    + "input as \"no\" and exits with \"Operation aborted\", so the build fails as soon as an "
                    + "install needs confirmation.",
            "Add `-y` (or `--assumeyes`): `dnf install -y httpd-2.4.57`, `microdnf install -y httpd-2.4.57`.",
            List.of(),
            "RUN dnf install httpd-2.4.57 && dnf clean all\n",
            "RUN dnf install -y httpd-2.4.57 && dnf clean all\n",
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
            if (RpmCommand.installs(c, RpmCommand.DNF) && !RpmCommand.assumesYes(c)) {
                DL3030.report(ctx, i, c, out);
            }
        }
    }
}
