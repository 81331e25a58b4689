package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code apt-get install} without {@code --no-install-recommends} (Hadolint DL3015). */
final class DL3015 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3015", Severity.INFO,
            "Avoid additional packages by specifying --no-install-recommends",
            "By default apt-get also installs every package the requested ones merely recommend: often tens of "
                    + "megabytes of documentation tools, compilers or X libraries nobody asked for. They enlarge "
                    + "the image and its attack surface, and show up in every vulnerability scan.",
            "Add `--no-install-recommends` (or `-o APT::Install-Recommends=false`) and list the packages you need.",
            List.of("DS029"),
            "RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5\n",
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
            if (AptGetCommand.is(c, "install") && !c.hasFlag("--no-install-recommends")
                    && !AptGetCommand.optionIsFalse(c, "APT::Install-Recommends")) {
                var word = ScriptSource.word(c, "install");
                Edit[] fix = word.flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w,
                        " --no-install-recommends")).map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`apt-get install` without `--no-install-recommends` also installs recommended packages",
                        fix);
            }
        }
    }
}
