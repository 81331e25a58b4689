package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code dnf}/{@code microdnf upgrade} (or {@code update}) of the whole system in a RUN (Hadolint's former DL3039,
 * which knew {@code upgrade} and {@code upgrade-minimal}). Unlike Hadolint, an upgrade of named packages
 * ({@code dnf upgrade -y openssl}) is the recommended fix, not a violation.
 */
final class DL3039 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3039", Severity.INFO,
            "Do not use dnf update",
            "`dnf upgrade` upgrades every package of the base image to whatever the mirror has today, so the "
                    + "image's content depends on the day it was built and differs from the tested base. Hadolint "
                    + "reported this as an error until it removed DL3039 (with DL3005 and DL3031) in v2.0, because "
                    + "updating for security fixes is often wanted; drydock keeps it as information so a "
                    + "deliberate upgrade is visible.",
            "Use a newer, patched base image instead, or upgrade only the packages that need it "
                    + "(`dnf upgrade -y openssl`), and say why in a comment.",
            List.of(),
            "RUN dnf upgrade -y && dnf clean all\n",
            "RUN dnf install -y openssl-3.0.7 && dnf clean all\n",
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
            if (RpmCommand.runs(c, RpmCommand.DNF, "upgrade", "upgrade-minimal", "update", "up", "distro-sync")
                    && RpmCommand.packages(c).isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`" + c.name() + " " + RpmCommand.subcommand(c).orElseThrow()
                                + "` upgrades the base image's packages to whatever the mirror has today");
            }
        }
    }
}
