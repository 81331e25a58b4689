package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/**
 * {@code wget} that prints its default progress bar (Hadolint DL3047): without {@code --progress}, and without
 * {@code -q}, {@code -nv}, {@code -o}/{@code -a} (log to a file), which all silence it.
 */
final class DL3047 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3047", Severity.INFO,
            "wget without flag --progress will result in excessively bloated build logs when downloading larger files",
            "Without a terminal, wget's default progress display prints a line of dots for every few kilobytes: "
                    + "downloading a large archive writes thousands of lines into the build log, which CI systems "
                    + "truncate or choke on, hiding the output that matters.",
            "Use `wget --progress=dot:giga <url>`, or `-q`/`-nv` (`--quiet`/`--no-verbose`).",
            List.of(),
            "RUN wget -O /tmp/go.tgz https://go.dev/dl/go1.22.1.linux-amd64.tar.gz\n",
            "RUN wget --progress=dot:giga -O /tmp/go.tgz https://go.dev/dl/go1.22.1.linux-amd64.tar.gz\n",
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
        for (ShellCommand c : ctx.shell(i).commands("wget")) {
            if (!quiet(c)) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider "
                                + "using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).");
            }
        }
    }

    static boolean quiet(ShellCommand c) {
        return c.hasFlag("--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o", "--output-file", "-a",
                "--append-output");
    }
}
