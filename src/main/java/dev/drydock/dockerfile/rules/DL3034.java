package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/**
 * zypper commands that may ask for confirmation, without a non-interactive switch (Hadolint DL3034). Unlike
 * Hadolint, {@code -n} counts only before the subcommand, where it is the global {@code --non-interactive}: after
 * {@code install} it means {@code --name} and zypper still asks.
 */
final class DL3034 extends InstructionRule {

    private static final Set<String> ASKING = Set.of("install", "in", "remove", "rm", "source-install", "si",
            "patch");

    static final RuleInfo INFO = new RuleInfo("DL3034", Severity.WARNING,
            "Non-interactive switch missing from `zypper` command: `zypper install -y`",
            "A build has no terminal to answer zypper's \"Continue? [y/n/v/...? shows all options] (y)\" prompt: "
                    + "without a non-interactive switch zypper aborts, so the build fails as soon as an install or "
                    + "removal needs confirmation.",
            "Add the global `--non-interactive` (`-n`) before the subcommand, or `-y` (`--no-confirm`) after it: "
                    + "`zypper --non-interactive install curl=8.6.0` or `zypper install -y curl=8.6.0`.",
            List.of(),
            "RUN zypper install curl=8.6.0 && zypper clean\n",
            "RUN zypper install -y curl=8.6.0 && zypper clean\n",
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
            if (RpmCommand.is(c, RpmCommand.ZYPPER) && RpmCommand.subcommand(c).filter(ASKING::contains).isPresent()
                    && !nonInteractive(c)) {
                String sub = RpmCommand.subcommand(c).orElseThrow();
                Edit[] fix = ScriptSource.word(c, sub)
                        .flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w, " -y"))
                        .map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`zypper " + sub + "` without `--non-interactive` or `-y` stops at the confirmation prompt",
                        fix);
            }
        }
    }

    /** {@code -y}/{@code --no-confirm}, {@code --non-interactive} anywhere; {@code -n} only before the subcommand. */
    private static boolean nonInteractive(ShellCommand c) {
        if (c.hasFlag("-y", "--no-confirm", "--non-interactive")) {
            return true;
        }
        String sub = RpmCommand.subcommand(c).orElse("");
        for (String a : c.args()) {
            if (a.equals(sub)) {
                return false;
            }
            if (a.matches("-[a-zA-Z]*n[a-zA-Z]*") && !a.startsWith("--")) {
                return true;
            }
        }
        return false;
    }
}
