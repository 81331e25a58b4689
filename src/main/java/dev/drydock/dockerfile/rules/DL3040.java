package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/**
 * {@code dnf install} / {@code microdnf install} without a {@code clean all} of the same tool after it in the same
 * RUN (Hadolint DL3040). As Hadolint, {@code rm -rf /var/cache/yum} counts; drydock also accepts removing
 * /var/cache/dnf or /var/cache/libdnf5 (where dnf and dnf5 keep their cache) and cache mounts on those, and, unlike
 * Hadolint, not a clean that runs before the last install.
 */
final class DL3040 extends InstructionRule {

    private static final String[] CACHES = {"/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"};

    static final RuleInfo INFO = new RuleInfo("DL3040", Severity.WARNING,
            "`dnf clean all` missing after dnf command",
            "dnf keeps repository metadata and downloaded packages under /var/cache/dnf (/var/cache/yum on older "
                    + "releases), often hundreds of megabytes the running container never needs. Cleaning in a "
                    + "later RUN does not help: the files stay in the earlier layer.",
            "End the same RUN with `&& dnf clean all` (`microdnf clean all` after microdnf), or mount a BuildKit "
                    + "cache: `RUN --mount=type=cache,target=/var/cache/dnf dnf install -y …`.",
            List.of("DS019", "DS027"),
            "RUN dnf install -y httpd-2.4.57\n",
            "RUN dnf install -y httpd-2.4.57 && dnf clean all\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)
                || CacheMounts.any(i, t -> List.of(CACHES).stream().anyMatch(t::startsWith))) {
            return;
        }
        for (String tool : List.of("dnf", "microdnf")) {
            RpmCommand.installNotCleanedUp(ctx.shell(i).commands(), c -> RpmCommand.installs(c, Set.of(tool)),
                    c -> cleansUp(c, tool)).ifPresent(c -> out.report(i,
                    ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                    "`" + tool + " " + RpmCommand.subcommand(c).orElse("install") + "` without `" + tool
                            + " clean all` after it leaves the package cache in the layer"));
        }
    }

    private static boolean cleansUp(ShellCommand c, String tool) {
        return c.is(tool) && RpmCommand.subcommand(c).orElse("").equals("clean")
                && RpmCommand.operands(c).contains("all") || RpmCommand.removes(c, CACHES);
    }
}
