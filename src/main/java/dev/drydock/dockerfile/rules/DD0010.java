package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mode that lets every user write: {@code chmod 777}, {@code 666}, {@code o+w}, {@code a+rwx}, any octal mode
 * with the others-write bit, also in {@code mkdir -m}, {@code install -m} and {@code COPY/ADD --chmod}. The sticky
 * bit ({@code 1777}, {@code a+rwxt}) is the safe idiom for shared directories like /tmp and is not reported; a
 * symbolic mode without who ({@code +w}) is masked by the umask and is not reported either.
 */
final class DD0010 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0010", Severity.WARNING,
            "Do not make files world-writable",
            "A world-writable file or directory can be changed by any user in the container: a compromised "
                    + "unprivileged process can then replace the application's code, configuration or scripts run "
                    + "later as root. `chmod -R 777` is usually a workaround for an ownership problem that "
                    + "`--chown` or a group solves properly.",
            "Give the files to the user that needs them (`COPY --chown=app:app`, `chown -R app /data`) and use "
                    + "modes like 755/644 (or 775 with a shared group).",
            List.of(),
            "RUN chmod -R 777 /app\n",
            "RUN chown -R app:app /app && chmod -R 755 /app\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (i.is("COPY") || i.is("ADD")) {
            i.flag("chmod").map(Flag::value).filter(DD0010::worldWritable).ifPresent(m -> out.report(i,
                    i.flag("chmod").get().position(), i.keyword() + " --chmod=" + m + " makes the copied files "
                            + "world-writable"));
            return;
        }
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands("chmod", "mkdir", "install")) {
            List<String> ops = c.operands(Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t",
                    "--target-directory"));
            Optional<String> mode = c.is("chmod") ? ops.stream().findFirst() : c.flagValue("-m", "--mode");
            if (mode.isEmpty() || !worldWritable(mode.get()) || c.hasFlag("--reference")) {
                continue;
            }
            List<String> targets = c.is("chmod") ? ops.subList(1, ops.size()) : ops;
            boolean recursive = c.is("chmod") && c.hasFlag("-R", "--recursive");
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)), "`" + c.name()
                    + (recursive ? " -R " : " ") + mode.get() + "` makes " + String.join(" ", targets)
                    + (recursive ? " and everything below it" : "") + " world-writable");
        }
    }

    /** Whether a chmod mode gives others write permission without the sticky bit. */
    static boolean worldWritable(String mode) {
        if (mode.matches("[0-7]{1,4}")) {
            int bits = Integer.parseInt(mode, 8);
            return (bits & 02) != 0 && (bits & 01000) == 0;
        }
        for (String clause : mode.split(",")) {
            String who = clause.replaceAll("[-+=].*", "");
            if (!who.matches("[ugoa]+") || !(who.contains("o") || who.contains("a"))) {
                continue;
            }
            for (String op : clause.substring(who.length()).split("(?=[-+=])")) {
                if (!op.isEmpty() && op.charAt(0) != '-' && op.contains("w") && !op.contains("t")) {
                    return true;
                }
            }
        }
        return false;
    }
}
