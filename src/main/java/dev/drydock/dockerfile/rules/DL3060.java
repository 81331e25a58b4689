package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellScript;
import java.util.List;
import java.util.Set;

/**
 * {@code yarn install} (or bare {@code yarn}) without {@code yarn cache clean} in the same RUN (Hadolint DL3060),
 * in a stage that ends up in the final image (the last stage or one it builds on). ONBUILD RUNs always count: they
 * run in the child image. A cache mount for yarn's cache keeps it out of the layer, so it needs no cleaning.
 */
final class DL3060 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3060", Severity.INFO,
            "yarn cache clean missing after yarn install was run",
            "yarn keeps a copy of every downloaded package in its cache (`/usr/local/share/.cache/yarn`), next to "
                    + "the same packages in `node_modules`. Unless the cache is cleaned in the same RUN, it is "
                    + "stored in the layer and typically adds tens to hundreds of megabytes to the image.",
            "Append `&& yarn cache clean` to the RUN with `yarn install`, or use "
                    + "`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`.",
            List.of(),
            "FROM node:20.11-alpine\nWORKDIR /app\nRUN yarn install --frozen-lockfile\n",
            "FROM node:20.11-alpine\nWORKDIR /app\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
            false);

    private static final Set<String> VALUE_FLAGS = Set.of("--cwd", "--modules-folder", "--cache-folder",
            "--network-timeout", "--registry", "--mutex", "--global-folder", "--link-folder",
            "--preferred-cache-folder");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Set<Integer> inImage = StageChain.finalImage(ctx.dockerfile());
        for (Instruction i : ctx.dockerfile().instructions()) {
            if (i.is("RUN") && inImage.contains(i.stage())) {
                check(i, i, ctx, out);
            } else if (i.is("ONBUILD") && i.onbuild() != null && i.onbuild().is("RUN")) {
                check(i, i.onbuild(), ctx, out);
            }
        }
    }

    private static void check(Instruction at, Instruction run, LintContext ctx, Violations out) {
        if (!ctx.posixShell(at) || CacheMounts.any(run, t -> t.contains("yarn"))) {
            return;
        }
        ShellScript script = ctx.shell(run);
        if (script.any(DL3060::cleansCache)) {
            return;
        }
        script.commands().stream().filter(DL3060::installs).findFirst().ifPresent(c -> out.report(at,
                ScriptSource.position(ctx.dockerfile(), run, c.words().get(0)),
                "`yarn cache clean` missing after `" + c.text() + "` was run."));
    }

    static boolean installs(ShellCommand c) {
        if (!c.is("yarn")) {
            return false;
        }
        List<String> ops = c.operands(VALUE_FLAGS);
        return ops.isEmpty() ? !c.hasFlag("-v", "--version", "-h", "--help") : ops.get(0).equals("install");
    }

    static boolean cleansCache(ShellCommand c) {
        if (c.is("yarn")) {
            List<String> ops = c.operands(VALUE_FLAGS);
            return ops.size() >= 2 && ops.get(0).equals("cache") && ops.get(1).equals("clean");
        }
        return c.is("rm") && c.args().stream().anyMatch(a -> a.contains(".cache/yarn") || a.contains("yarn cache dir"));
    }
}
