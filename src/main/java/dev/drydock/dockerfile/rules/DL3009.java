package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellScript;
import java.util.List;
import java.util.Optional;

/**
 * {@code apt-get update} without removing {@code /var/lib/apt/lists} in the same RUN (Hadolint DL3009). As in
 * Hadolint, only stages that end up in an image count: the final stage and stages another FROM builds on; a
 * builder stage whose files are only copied from is not reported. ONBUILD triggers are always reported.
 */
final class DL3009 implements Rule {

    private static final String CLEANUP = " && rm -rf /var/lib/apt/lists/*";

    static final RuleInfo INFO = new RuleInfo("DL3009", Severity.INFO,
            "Delete the apt-get lists after installing something",
            "`apt-get update` downloads package indexes to /var/lib/apt/lists, tens of megabytes the running "
                    + "image never needs. Removing them in a later RUN does not help: they stay in the earlier "
                    + "layer. Stale lists in the image also tempt later `apt-get install` calls without update.",
            "End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or use a BuildKit cache mount on "
                    + "/var/lib/apt/lists.",
            List.of(),
            "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
            "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n"
                    + "    && rm -rf /var/lib/apt/lists/*\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<Stage> stages = ctx.dockerfile().stages();
        for (Stage s : stages) {
            boolean shipped = s.index() == stages.size() - 1
                    || stages.stream().anyMatch(o -> o.parentStage() == s.index());
            for (Instruction i : s.instructions()) {
                if (shipped && i.is("RUN") && forgotCleanup(ctx, i)) {
                    report(ctx, i, out);
                }
                if (i.onbuild() != null && i.onbuild().is("RUN") && forgotCleanup(ctx, i.onbuild())) {
                    out.report(i, "ONBUILD RUN runs `apt-get update` without `rm -rf /var/lib/apt/lists/*`");
                }
            }
        }
    }

    private static boolean forgotCleanup(LintContext ctx, Instruction run) {
        if (!ctx.posixShell(run) || listsAreCacheMounted(run)) {
            return false;
        }
        ShellScript sh = ctx.shell(run);
        boolean updates = sh.any(c -> AptGetCommand.isAptOrAptGet(c, "update"));
        return updates && !sh.any(DL3009::removesLists);
    }

    /**
     * {@code rm -rf /var/lib/apt/lists/*} or any rm of that directory or below it, or {@code apt-get dist-clean}
     * (apt 2.7+, Debian trixie), which removes the lists too and which Hadolint does not know yet.
     */
    private static boolean removesLists(ShellCommand c) {
        return (c.is("rm") && c.operands().stream().anyMatch(o -> o.startsWith("/var/lib/apt/lists")))
                || AptGetCommand.isAptOrAptGet(c, "dist-clean");
    }

    /** As Hadolint: a cache mount on /var/lib/apt/lists, or on both /var/lib/apt and /var/cache/apt. */
    private static boolean listsAreCacheMounted(Instruction run) {
        return CacheMounts.any(run, t -> t.startsWith("/var/lib/apt/lists"))
                || CacheMounts.any(run, t -> t.startsWith("/var/lib/apt"))
                && CacheMounts.any(run, t -> t.startsWith("/var/cache/apt"));
    }

    private static void report(LintContext ctx, Instruction i, Violations out) {
        String msg = "RUN runs `apt-get update` but does not remove /var/lib/apt/lists; they stay in the layer";
        Optional<Edit> fix = appendCleanup(ctx, i);
        if (fix.isPresent()) {
            out.report(i, msg, fix.get());
        } else {
            out.report(i, msg);
        }
    }

    /** Appends the cleanup to a plain shell-form RUN whose script ends in a complete command. */
    private static Optional<Edit> appendCleanup(LintContext ctx, Instruction i) {
        String text = i.text().stripTrailing();
        if (i.execForm() || !i.heredocs().isEmpty() || text.isEmpty() || text.contains("#")
                || ";&|\\(".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return Optional.empty();
        }
        var end = ScriptSource.offset(ctx.dockerfile(), i, text.length());
        return end.isPresent() ? Optional.of(Edit.insert(end.getAsInt(), CLEANUP)) : Optional.empty();
    }
}
