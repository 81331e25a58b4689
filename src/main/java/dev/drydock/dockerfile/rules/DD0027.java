package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code git clone} that follows a branch instead of a tag or commit. */
final class DD0027 extends InstructionRule {

    private static final Set<String> GIT_VALUE_FLAGS = Set.of("-c", "-C", "--git-dir", "--work-tree", "--namespace");
    private static final Set<String> CLONE_VALUE_FLAGS = Set.of("-b", "--branch", "--depth", "-o", "--origin",
            "--config", "--reference", "--reference-if-able", "--separate-git-dir", "-j", "--jobs", "--filter",
            "--shallow-since", "--shallow-exclude", "-u", "--upload-pack", "--template", "--revision", "-B", "--bundle-uri");
    private static final Set<String> PINNING = Set.of("checkout", "reset", "switch");
    private static final Set<String> MOVING = Set.of("main", "master", "develop", "dev", "trunk", "head", "latest",
            "stable", "origin/main", "origin/master", "origin/head");
    /** A version ({@code v1.2.3}, {@code release-2.4}), a commit id, or a variable: taken to be fixed. */
    private static final Pattern FIXED = Pattern.compile("(?i).*\\d+\\.\\d+.*|[0-9a-f]{7,40}|.*\\$.*|fetch_head");

    static final RuleInfo INFO = new RuleInfo("DD0027", Severity.WARNING,
            "Pin git clone to a tag or commit",
            "`git clone` without `--branch <tag>` or a later `git checkout <commit>` builds whatever the default "
                    + "branch points to at build time. Two builds of the same Dockerfile then contain different "
                    + "code, a broken or malicious push goes straight into the image, and the layer cache hides "
                    + "which revision an image really has.",
            "Clone a tag (`git clone --depth 1 --branch v1.4.2 https://…`), or check out a commit after cloning "
                    + "(`git checkout 3f2c1e9`), ideally from an `ARG` so the version is visible and reviewable.",
            List.of(),
            "RUN git clone --depth 1 https://github.com/nodejs/node-gyp.git /opt/node-gyp\n",
            "RUN git clone --depth 1 --branch v10.2.0 https://github.com/nodejs/node-gyp.git /opt/node-gyp\n",
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
        Set<String> valueFlags = new HashSet<>(GIT_VALUE_FLAGS);
        valueFlags.addAll(CLONE_VALUE_FLAGS);
        for (int k = 0; k < commands.size(); k++) {
            ShellCommand c = commands.get(k);
            List<String> ops = c.operands(valueFlags);
            if (!c.is("git") || ops.isEmpty() || !ops.get(0).equals("clone") || c.hasFlag("--revision")) {
                continue;
            }
            Optional<String> branch = c.flagValue("-b", "--branch");
            if (branch.isPresent() && FIXED.matcher(branch.get()).matches()
                    || commands.subList(k + 1, commands.size()).stream().anyMatch(DD0027::checksOutFixedRef)
                    || laterRuns(i, ctx).stream().anyMatch(r -> ctx.shell(r).any(DD0027::checksOutFixedRef))) {
                continue;
            }
            String url = ops.size() > 1 ? ops.get(1) : "a repository";
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)), "git clone of " + url
                    + (branch.isPresent() ? " follows branch " + branch.get() : " follows the default branch")
                    + "; clone a tag (--branch v1.2.3) or check out a commit");
        }
    }

    /** The RUNs after this one in its stage: {@code RUN git clone …}, {@code WORKDIR}, {@code RUN git checkout v1}. */
    private static List<Instruction> laterRuns(Instruction i, LintContext ctx) {
        List<Stage> stages = ctx.dockerfile().stages();
        if (i.stage() < 0 || i.stage() >= stages.size()) {
            return List.of();
        }
        return stages.get(i.stage()).instructions().stream()
                .filter(x -> x.is("RUN") && x.start().offset() > i.start().offset() && ctx.posixShell(x)).toList();
    }

    private static boolean checksOutFixedRef(ShellCommand c) {
        List<String> ops = c.operands(Set.of("-c", "-C", "-b", "-B", "--git-dir", "--work-tree"));
        return c.is("git") && ops.size() >= 2 && PINNING.contains(ops.get(0))
                && !MOVING.contains(ops.get(1).toLowerCase(java.util.Locale.ROOT)) && !ops.get(1).startsWith("origin/");
    }
}
