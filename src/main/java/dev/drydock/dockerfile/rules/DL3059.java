package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import java.util.List;

/**
 * Consecutive RUN instructions that could be one (Hadolint DL3059): each runs a single command and they have the
 * same flags. A RUN that chains several commands is a deliberate split, and different {@code --mount} flags
 * cannot be merged. Comments between them do not separate them; any other instruction does.
 */
final class DL3059 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3059", Severity.INFO,
            "Multiple consecutive RUN instructions. Consider consolidation",
            "Every RUN adds a layer: files one RUN deletes still take space in the layer before it, and each "
                    + "layer costs time to build, push and pull. Consecutive one-command RUNs are usually better as "
                    + "one RUN joined with `&&`, so temporary files can be removed in the same layer.",
            "Join the commands with `&&` in one RUN (or a `RUN <<EOF` heredoc).",
            List.of(),
            "RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
            "RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Instruction previous = null;
        for (Instruction i : ctx.dockerfile().instructions()) {
            if (!i.is("RUN")) {
                previous = null;
                continue;
            }
            if (previous != null && flags(previous).equals(flags(i)) && single(previous, ctx) && single(i, ctx)) {
                out.report(i, "Multiple consecutive `RUN` instructions. Consider consolidation with the RUN on line "
                        + previous.line() + ".");
                continue; // the RUN before keeps standing for the run of single-command RUNs
            }
            previous = i;
        }
    }

    private static List<String> flags(Instruction run) {
        return run.flags().stream().map(Flag::toString).toList();
    }

    /** One command (a wrapper such as {@code sudo} and the command it runs count once). */
    private static boolean single(Instruction run, LintContext ctx) {
        return ctx.shell(run).commands().stream().filter(c -> c.wrapper() == null).count() <= 1;
    }
}
