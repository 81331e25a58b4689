package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Unpinned gems in {@code gem install} / {@code gem i} (Hadolint DL3028). */
final class DL3028 extends InstructionRule {

    /** gem install options (gem-install(1)) that take their value as the next word. */
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("-i", "--install-dir", "-n", "--bindir",
            "--document", "--build-root", "-P", "--trust-policy", "-s", "--source", "--clear-sources", "-p",
            "--http-proxy", "--platform", "-g", "--file", "--without", "--with", "--config-file", "--target-rbconfig");

    static final RuleInfo INFO = new RuleInfo("DL3028", Severity.WARNING,
            "Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`",
            "Without a version, `gem install` takes the newest release on the day of the build, so two builds of "
                    + "the same Dockerfile can contain different code, and a rebuild can break or pull in an "
                    + "unreviewed (or hijacked) release.",
            "Write `gem install bundler:2.5.6`, or `gem install bundler -v 2.5.6` (`--version`); better, install "
                    + "from a Gemfile.lock with `bundle install`.",
            List.of(),
            "RUN gem install bundler\n",
            "RUN gem install bundler:2.5.6\n",
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
        for (ShellCommand c : ctx.shell(i).commands("gem")) {
            List<String> ops = gemOperands(c);
            if (ops.isEmpty() || !(ops.get(0).equals("install") || ops.get(0).equals("i"))
                    || c.hasFlag("-v", "--version")) {
                continue;
            }
            List<String> unpinned = ops.subList(1, ops.size()).stream().filter(g -> !isPinned(g)).toList();
            if (!unpinned.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "gem install without version for " + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0)
                                + ":<version>`");
            }
        }
    }

    /**
     * Operands before {@code --} (what follows goes to the gem's build). As Hadolint, a bare {@code true}/{@code false}
     * after a long option is that option's value ({@code --use-system-libraries true}), not a gem.
     */
    private static List<String> gemOperands(ShellCommand c) {
        List<String> args = c.args();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (FLAGS_WITH_VALUE.contains(a)) {
                    k++;
                } else if (a.startsWith("--") && !a.contains("=") && k + 1 < args.size()
                        && args.get(k + 1).matches("true|false")) {
                    k++;
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code gem:1.2}, a local {@code .gem} file, or a word with a variable (unknown). */
    static boolean isPinned(String gem) {
        return gem.contains(":") || gem.endsWith(".gem") || gem.contains("$");
    }
}
