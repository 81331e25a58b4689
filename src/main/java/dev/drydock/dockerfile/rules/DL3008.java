package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** Unpinned packages in {@code apt-get install} (Hadolint DL3008). */
final class DL3008 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3008", Severity.WARNING,
            "Pin versions in apt-get install",
            "Without a version, `apt-get install` takes whatever the mirror has on the day of the build, so two "
                    + "builds of the same Dockerfile can contain different software, and a rebuild can break or "
                    + "pull in an unreviewed change. A pinned version also makes the rebuild fail loudly when the "
                    + "version disappears, instead of silently changing.",
            "Write `apt-get install -y curl=7.88.1-10+deb12u5`; look versions up with `apt-cache policy curl`.",
            List.of(),
            "RUN apt-get update && apt-get install -y --no-install-recommends curl\n",
            "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
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
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (!AptGetCommand.is(c, "install")) {
                continue;
            }
            List<String> unpinned = AptGetCommand.packages(c).stream().filter(p -> !isPinned(p)).toList();
            if (!unpinned.isEmpty()) {
                String first = unpinned.get(0);
                var word = c.words().stream().filter(w -> w.text().equals(first)).findFirst().orElse(c.words().get(0));
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, word),
                        "apt-get install without version for " + quoted(unpinned) + "; use `" + first + "=<version>`");
            }
        }
    }

    /**
     * As Hadolint: {@code pkg=version}, {@code pkg/release} (also paths) and {@code .deb} files count as pinned;
     * words with a variable are unknown and skipped.
     */
    static boolean isPinned(String pkg) {
        return pkg.contains("=") || pkg.contains("/") || pkg.endsWith(".deb") || pkg.contains("$");
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
