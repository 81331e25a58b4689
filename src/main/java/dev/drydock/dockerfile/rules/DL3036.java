package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code zypper install} without {@code zypper clean} after it in the same RUN (Hadolint DL3036). As Hadolint, a
 * cache mount on /var/cache/zypp counts; drydock also accepts {@code rm -rf /var/cache/zypp}, and, unlike Hadolint,
 * not a clean that runs before the last install.
 */
final class DL3036 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3036", Severity.WARNING,
            "`zypper clean` missing after zypper use",
            "zypper keeps repository metadata and downloaded packages under /var/cache/zypp, tens to hundreds of "
                    + "megabytes the running container never needs. Cleaning in a later RUN does not help: the "
                    + "files stay in the earlier layer.",
            "End the same RUN with `&& zypper clean --all` (`zypper cc -a`), or mount a BuildKit cache: "
                    + "`RUN --mount=type=cache,target=/var/cache/zypp zypper install -y …`.",
            List.of("DS020"),
            "RUN zypper install -y curl=8.6.0\n",
            "RUN zypper install -y curl=8.6.0 && zypper clean --all\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i) || CacheMounts.any(i, t -> t.startsWith("/var/cache/zypp"))) {
            return;
        }
        RpmCommand.installNotCleanedUp(ctx.shell(i).commands(), c -> RpmCommand.installs(c, RpmCommand.ZYPPER),
                DL3036::cleansUp).ifPresent(c -> out.report(i,
                ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                "`zypper " + RpmCommand.subcommand(c).orElse("install") + "` without `zypper clean` after it leaves "
                        + "/var/cache/zypp in the layer"));
    }

    private static boolean cleansUp(ShellCommand c) {
        return RpmCommand.runs(c, RpmCommand.ZYPPER, "clean", "cc") || RpmCommand.removes(c, "/var/cache/zypp");
    }
}
