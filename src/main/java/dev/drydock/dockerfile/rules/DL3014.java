package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code apt-get install} without {@code -y} (Hadolint DL3014). */
final class DL3014 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3014", Severity.WARNING,
            "Use the -y switch to avoid manual input",
            "A build has no terminal to answer apt-get's \"Do you want to continue?\" prompt: without `-y` "
                    + "apt-get aborts as soon as an install needs confirmation, for example when a new version "
                    + "pulls in extra dependencies, so the build breaks at an unpredictable moment.",
            "Add `-y` (or `--yes`, `--assume-yes`; `-qq` implies it): `apt-get install -y curl`.",
            List.of("DS021"),
            "RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5\n",
            "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
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
            if (AptGetCommand.is(c, "install") && !assumesYes(c)) {
                var word = ScriptSource.word(c, "install");
                Edit[] fix = word.flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w, " -y"))
                        .map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`apt-get install` without `-y` stops at the confirmation prompt; add `-y`", fix);
            }
        }
    }

    static boolean assumesYes(ShellCommand c) {
        return c.hasFlag("-y", "--yes", "--assume-yes") || AptGetCommand.quietLevel(c) >= 2
                || c.args().stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).matches(
                        "(-o|--option=)?apt::get::assume-yes=(true|1|yes)"));
    }
}
