package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code apk add} without {@code --no-cache} (Hadolint DL3019). */
final class DL3019 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3019", Severity.INFO,
            "Use the --no-cache switch with apk add",
            "Without `--no-cache`, apk keeps the downloaded package index (and with `--update`/`-U` its cache) "
                    + "under /var/cache/apk in the layer. `--no-cache` fetches a fresh index and stores nothing, "
                    + "so there is no need for `apk update` or `rm -rf /var/cache/apk/*` afterwards.",
            "Write `apk add --no-cache curl=8.5.0-r0`, or mount a BuildKit cache on /var/cache/apk.",
            List.of("DS025"),
            "RUN apk add curl=8.5.0-r0\n",
            "RUN apk add --no-cache curl=8.5.0-r0\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i) || CacheMounts.covers(i, "/var/cache/apk")) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (ApkCommand.is(c, "add") && !c.hasFlag("--no-cache")) {
                Edit[] fix = ScriptSource.word(c, "add")
                        .flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w, " --no-cache"))
                        .map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`apk add` without `--no-cache` leaves the package index in /var/cache/apk", fix);
            }
        }
    }
}
