package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;

/**
 * {@code useradd} with a high UID and without {@code -l}/{@code --no-log-init} (Hadolint DL3046). useradd then
 * writes the lastlog and faillog records for the UID, sparse files whose size grows with the UID and which
 * image layers store in full.
 */
final class DL3046 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3046", Severity.WARNING,
            "useradd without flag -l and high UID will result in excessively large image",
            "Without `-l`, useradd records the new user in `/var/log/lastlog` and `/var/log/faillog`, which are "
                    + "indexed by UID. On disk these are sparse files, but image layers store them in full: a UID "
                    + "of 100000 or more adds gigabytes to the layer (moby/moby#5419).",
            "Add `-l` (`--no-log-init`): `useradd -l -u 123456 app`.",
            List.of(),
            "RUN useradd -u 123456 -m app\n",
            "RUN useradd -l -u 123456 -m app\n",
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
        for (ShellCommand c : ctx.shell(i).commands("useradd")) {
            Optional<String> uid = c.flagValue("-u", "--uid").map(v -> v.contains("$") ? i.expand(v) : v);
            if (uid.isPresent() && uid.get().matches("\\d{6,}") && !c.hasFlag("-l", "--no-log-init")) {
                var name = c.words().get(0);
                Edit[] fix = ScriptSource.insertAfter(ctx.dockerfile(), i, name, " -l")
                        .map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, name), "`useradd` without flag `-l` and "
                        + "high UID " + uid.get() + " will result in excessively large image; add `-l`.", fix);
            }
        }
    }
}
