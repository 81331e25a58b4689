package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code yum install} without {@code yum clean all} after it in the same RUN (Hadolint DL3032). As Hadolint,
 * {@code rm -rf /var/cache/yum} and a cache mount on /var/cache/yum count too. Unlike Hadolint, a clean that runs
 * before the last install does not count, since the install fills the cache again.
 */
final class DL3032 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3032", Severity.WARNING,
            "`yum clean all` missing after yum command",
            "yum keeps repository metadata and downloaded packages under /var/cache/yum, often hundreds of "
                    + "megabytes the running container never needs. Cleaning in a later RUN does not help: the "
                    + "files stay in the earlier layer.",
            "End the same RUN with `&& yum clean all` (or `rm -rf /var/cache/yum`), or mount a BuildKit cache: "
                    + "`RUN --mount=type=cache,target=/var/cache/yum yum install -y …`.",
            List.of("DS015"),
            "RUN yum install -y httpd-2.4.6\n",
            "RUN yum install -y httpd-2.4.6 && yum clean all\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i) || CacheMounts.any(i, t -> t.startsWith("/var/cache/yum"))) {
            return;
        }
        RpmCommand.installNotCleanedUp(ctx.shell(i).commands(), c -> RpmCommand.installs(c, RpmCommand.YUM),
                DL3032::cleansUp).ifPresent(c -> out.report(i,
                ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                "`yum " + RpmCommand.subcommand(c).orElse("install") + "` without `yum clean all` after it leaves "
                        + "/var/cache/yum in the layer"));
    }

    private static boolean cleansUp(ShellCommand c) {
        return RpmCommand.runs(c, RpmCommand.YUM, "clean") && RpmCommand.operands(c).contains("all")
                || RpmCommand.removes(c, "/var/cache/yum");
    }
}
