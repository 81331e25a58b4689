package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code apt} in a RUN (Hadolint DL3027). */
final class DL3027 extends InstructionRule {

    /** Subcommands where {@code apt-get} does exactly what {@code apt} does, so renaming the command is safe. */
    private static final Set<String> SAME_IN_APT_GET = Set.of("install", "remove", "purge", "update", "autoremove",
            "clean", "autoclean", "source", "build-dep");

    static final RuleInfo INFO = new RuleInfo("DL3027", Severity.WARNING,
            "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
            "`apt` is the interactive front end: its output and behaviour may change between releases, it warns "
                    + "\"apt does not have a stable CLI interface. Use with caution in scripts\", and it shows "
                    + "progress bars meant for a terminal. `apt-get` and `apt-cache` keep a stable interface for "
                    + "scripts such as a Dockerfile.",
            "Use `apt-get install -y …`, `apt-get update`, `apt-cache search …` instead of `apt …`.",
            List.of("CKV_DOCKER_9"),
            "RUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
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
        for (ShellCommand c : ctx.shell(i).commands("apt")) {
            Optional<String> sub = c.subcommand();
            Edit[] fix = sub.filter(SAME_IN_APT_GET::contains)
                    .flatMap(s -> replaceName(ctx, i, c))
                    .map(e -> new Edit[] {e}).orElse(new Edit[0]);
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)), message(sub), fix);
        }
    }

    private static String message(Optional<String> sub) {
        String apt = "`apt" + sub.map(s -> " " + s).orElse("") + "`";
        String instead = sub.map(s -> switch (s) {
            case "search", "show", "policy", "depends", "rdepends", "showsrc" -> "`apt-cache " + s + "`";
            case "list" -> "`dpkg-query -l` or `apt-cache policy`";
            default -> SAME_IN_APT_GET.contains(s) || s.equals("upgrade") || s.equals("full-upgrade")
                    ? "`apt-get " + s.replace("full-upgrade", "dist-upgrade") + "`" : "`apt-get` or `apt-cache`";
        }).orElse("`apt-get` or `apt-cache`");
        return apt + " is meant for interactive use and has no stable command line; use " + instead;
    }

    /** Replaces a command word written exactly {@code apt} with {@code apt-get}. */
    private static Optional<Edit> replaceName(LintContext ctx, Instruction i, ShellCommand c) {
        var w = c.words().get(0);
        if (!w.raw().equals("apt") || !i.heredocs().isEmpty()) {
            return Optional.empty();
        }
        return ScriptSource.insertAfter(ctx.dockerfile(), i, w, "-get");
    }
}
