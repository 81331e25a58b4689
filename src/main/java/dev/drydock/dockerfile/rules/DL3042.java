package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellScript;
import java.util.List;
import java.util.Set;

/**
 * {@code pip install} without {@code --no-cache-dir} (Hadolint DL3042). As Hadolint, {@code PIP_NO_CACHE_DIR} set to
 * a true value counts, whether by ENV in this stage or the stage it builds on, on the command
 * ({@code PIP_NO_CACHE_DIR=1 pip install}) or exported earlier in the RUN; so does a cache mount on pip's cache
 * (a target containing {@code .cache/pip}). pipx and pipenv are not pip.
 */
final class DL3042 extends InstructionRule {

    private static final Set<String> TRUTHY = Set.of("1", "true", "on", "yes");

    static final RuleInfo INFO = new RuleInfo("DL3042", Severity.WARNING,
            "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
            "pip keeps every downloaded and built wheel in ~/.cache/pip, often tens to hundreds of megabytes in "
                    + "the layer that a container never reads again. Deleting the directory in a later RUN does "
                    + "not help: it stays in the earlier layer.",
            "Add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a BuildKit cache: "
                    + "`RUN --mount=type=cache,target=/root/.cache/pip pip install …`.",
            List.of(),
            "RUN pip install flask==3.0.2\n",
            "RUN pip install --no-cache-dir flask==3.0.2\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i) || truthy(i.variables().get("PIP_NO_CACHE_DIR"))
                || CacheMounts.any(i, t -> t.contains(".cache/pip"))) {
            return;
        }
        ShellScript sh = ctx.shell(i);
        boolean exported = false;
        for (ShellCommand c : sh.commands()) {
            exported |= c.is("export") && c.args().stream().anyMatch(DL3042::setsNoCacheDir);
            if (!exported && PipCommand.installs(c) && !PipCommand.args(c).contains("--no-cache-dir")
                    && !setOn(c)) {
                Edit[] fix = ScriptSource.word(c, "install")
                        .flatMap(w -> ScriptSource.insertAfter(ctx.dockerfile(), i, w, " --no-cache-dir"))
                        .map(e -> new Edit[] {e}).orElse(new Edit[0]);
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`" + c.name() + " install` without `--no-cache-dir` leaves pip's download cache in the "
                                + "layer", fix);
            }
        }
    }

    /** {@code PIP_NO_CACHE_DIR=1 pip …}, or through a wrapper: {@code env PIP_NO_CACHE_DIR=1 pip …}. */
    private static boolean setOn(ShellCommand c) {
        if (truthy(c.assignments().get("PIP_NO_CACHE_DIR"))) {
            return true;
        }
        for (ShellCommand w = c.wrapper(); w != null; w = w.wrapper()) {
            if (truthy(w.assignments().get("PIP_NO_CACHE_DIR"))
                    || w.args().stream().anyMatch(DL3042::setsNoCacheDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean setsNoCacheDir(String word) {
        return word.startsWith("PIP_NO_CACHE_DIR=") && truthy(word.substring("PIP_NO_CACHE_DIR=".length()));
    }

    private static boolean truthy(String value) {
        return value != null && TRUTHY.contains(value.toLowerCase(java.util.Locale.ROOT));
    }
}
