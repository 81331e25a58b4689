package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.shell.Pipeline;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellScript;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A download run as code without being checked: {@code curl … | sh}, {@code wget -qO- … | sudo -E bash -},
 * {@code sh -c "$(curl …)"}, {@code bash <(curl …)}, {@code eval "$(wget -O- …)"}, at any depth. An interpreter
 * that reads a program of its own ({@code | python3 -c 'import json…'}, {@code | jq}) is fine: it only reads data.
 */
final class DD0011 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0011", Severity.WARNING,
            "Do not pipe downloads into a shell",
            "`curl … | sh` runs whatever the server sends at that moment: a compromised server or CDN, a hijacked "
                    + "domain or a truncated download executes as root during the build, nothing records what "
                    + "ran, and the next build may run something else.",
            "Download to a file, verify it against a pinned checksum or signature, then run it: `curl -fsSLo "
                    + "install.sh https://… && echo \"<sha256>  install.sh\" | sha256sum -c - && sh install.sh`; or "
                    + "install a signed package instead.",
            List.of(),
            "RUN curl -fsSL https://get.docker.com | sh\n",
            "RUN curl -fsSLo /tmp/get-docker.sh https://get.docker.com \\\n"
                    + " && echo \"4e3ba2d4c6b5f0a4c1f3f8e6a0a3a1d7a7b5b0d7e5c5f0e7d2f6b2f5b8f1c2a3 "
                    + " /tmp/get-docker.sh\" | sha256sum -c - \\\n && sh /tmp/get-docker.sh\n",
            false);

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ash", "dash", "ksh", "mksh");
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "perl", "ruby", "node",
            "php");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        List<ShellScript> scripts = ShellPipelines.scripts(i, true);
        for (ShellScript script : scripts) {
            boolean exact = script == scripts.get(0) && i.heredocs().isEmpty();
            for (Pipeline p : script.pipelines()) {
                for (int k = 0; k < p.commands().size(); k++) {
                    ShellCommand download = script.unwrap(p.commands().get(k));
                    if (!toStdout(download)) {
                        continue;
                    }
                    for (ShellCommand next : p.commands().subList(k + 1, p.commands().size())) {
                        ShellCommand runs = script.unwrap(next);
                        if (readsProgramFromStdin(runs)) {
                            Position at = exact ? ScriptSource.position(ctx.dockerfile(), i, download.words().get(0))
                                    : i.start();
                            out.report(i, at, "`" + download.name() + " " + url(download) + " | " + runs.name()
                                    + "` runs a downloaded script unverified; download it, check its checksum, "
                                    + "then run it");
                            return;
                        }
                    }
                }
            }
        }
        substituted(i, ctx, out);
    }

    /** {@code sh -c "$(curl …)"}, {@code bash <(curl …)}, {@code eval "$(curl …)"}, {@code . <(curl …)}. */
    private static void substituted(Instruction i, LintContext ctx, Violations out) {
        ShellScript script = ctx.shell(i);
        for (ShellCommand c : script.commands()) {
            boolean runsArg = SHELLS.contains(c.name()) || INTERPRETERS.contains(c.name())
                    || c.is("eval", "source", ".");
            for (ShellWord w : runsArg ? c.words().subList(1, c.words().size()) : List.<ShellWord>of()) {
                String raw = w.raw().startsWith("\"") ? w.raw().substring(1) : w.raw();
                if (!(raw.startsWith("$(") || raw.startsWith("`") || raw.startsWith("<("))) {
                    continue;
                }
                Optional<ShellCommand> download = script.commands().stream().filter(d -> d.is("curl", "wget")
                        && d.offset() > w.offset() && d.offset() < w.offset() + w.raw().length()).findFirst();
                if (download.isPresent()) {
                    Position at = ScriptSource.position(ctx.dockerfile(), i, c.words().get(0));
                    out.report(i, at, "`" + c.name() + "` runs the output of `" + download.get().name() + " "
                            + url(download.get()) + "` unverified; download it, check its checksum, then run it");
                    return;
                }
            }
        }
    }

    /** curl without {@code -o}/{@code -O}, or wget/curl writing to {@code -}. */
    private static boolean toStdout(ShellCommand c) {
        if (c.is("curl")) {
            Optional<String> o = c.flagValue("-o", "--output");
            return o.map("-"::equals).orElse(!c.hasFlag("-O", "--remote-name", "--remote-name-all"));
        }
        // wget -qO- writes to stdout too; flagValue reads -qO- as no value, so clusters are matched here
        return c.is("wget") && (c.flagValue("-O", "--output-document").filter("-"::equals).isPresent()
                || c.args().stream().anyMatch(a -> a.matches("-[A-Za-z]*O-")));
    }

    /** {@code sh}, {@code bash -s -- --yes}, {@code python3 -}: a program read from standard input. */
    private static boolean readsProgramFromStdin(ShellCommand c) {
        boolean shell = SHELLS.contains(c.name());
        if (!shell && !INTERPRETERS.contains(c.name())) {
            return false;
        }
        if (c.hasFlag("-c") || !shell && c.hasFlag("-e", "-m", "-r", "--eval")) {
            return false;
        }
        List<String> ops = c.operands();
        return shell && c.hasFlag("-s") || ops.isEmpty() || ops.get(0).equals("-");
    }

    private static String url(ShellCommand c) {
        return c.args().stream().filter(a -> a.contains("://")).findFirst().orElse("…");
    }
}
