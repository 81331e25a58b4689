package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** Unpinned packages in {@code dnf}/{@code microdnf install}, modules in {@code module install} (Hadolint DL3041). */
final class DL3041 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3041", Severity.WARNING,
            "Specify version with `dnf install -y <package>-<version>`",
            "Without a version, `dnf install` takes whatever the mirror has on the day of the build, so two builds "
                    + "of the same Dockerfile can contain different software, and a rebuild can break or pull in "
                    + "an unreviewed change.",
            "Write `dnf install -y httpd-2.4.57`, a local or remote `.rpm`, or for modules "
                    + "`dnf module install -y nodejs:18`.",
            List.of(),
            "RUN dnf install -y httpd && dnf clean all\n",
            "RUN dnf install -y httpd-2.4.57 && dnf clean all\n",
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
            if (RpmCommand.runs(c, RpmCommand.DNF, "install", "module")) {
                DL3033.reportUnpinned(ctx, i, c, out);
            }
        }
    }
}
