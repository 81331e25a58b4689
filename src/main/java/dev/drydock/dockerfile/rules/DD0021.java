package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code RUN apt-get update} (or apk update) without an install later in the same RUN. */
final class DD0021 extends InstructionRule {

    private static final Set<String> VALUE_FLAGS = Set.of("-o", "--option", "-c", "--config-file", "-t",
            "--target-release", "-X", "--repository", "-p", "--root");
    private static final Set<String> APT_USES = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "source", "reinstall");
    private static final Set<String> APK_USES = Set.of("add", "upgrade", "fix");

    static final RuleInfo INFO = new RuleInfo("DD0021", Severity.WARNING,
            "Run the package index update in the same RUN as the install",
            "A RUN that only updates the package index is cached as its own layer. Later builds reuse that layer "
                    + "with the old index while the install step below changes and re-runs, so apt or apk looks "
                    + "for package versions that are no longer on the mirror (404 errors) or installs outdated, "
                    + "unpatched ones. The index files also stay in the image for nothing.",
            "Combine them: `RUN apt-get update && apt-get install -y --no-install-recommends … "
                    + "&& rm -rf /var/lib/apt/lists/*`, or `RUN apk add --no-cache …` (no update needed).",
            List.of("DS017", "CKV_DOCKER_5"),
            "RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n",
            "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
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
        List<ShellCommand> commands = ctx.shell(i).commands();
        for (int k = 0; k < commands.size(); k++) {
            ShellCommand c = commands.get(k);
            boolean apt = c.is("apt-get", "apt", "aptitude");
            if (!(apt || c.is("apk")) || !subcommand(c).equals(Optional.of("update"))) {
                continue;
            }
            Set<String> uses = apt ? APT_USES : APK_USES;
            boolean used = commands.subList(k + 1, commands.size()).stream()
                    .anyMatch(n -> (apt ? n.is("apt-get", "apt", "aptitude") : n.is("apk"))
                            && subcommand(n).map(uses::contains).orElse(false));
            if (!used) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        c.name() + " update without " + (apt ? "apt-get install" : "apk add")
                                + " in the same RUN: the cached index goes stale; update and install together");
            }
        }
    }

    private static Optional<String> subcommand(ShellCommand c) {
        List<String> ops = c.operands(VALUE_FLAGS);
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0));
    }
}
