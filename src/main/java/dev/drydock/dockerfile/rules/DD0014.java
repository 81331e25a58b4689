package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** A lock file is in the stage, but the install does not enforce it ({@code npm install} instead of {@code npm ci}). */
final class DD0014 implements Rule {

    /** npm install and its aliases (npm help install). */
    private static final Set<String> NPM_INSTALL = Set.of("install", "i", "in", "ins", "inst", "insta", "instal",
            "isnt", "isnta", "isntal", "isntall", "add");
    /** Options of npm, yarn and pnpm that take the next word as their value. */
    private static final Set<String> NPM_VALUE_FLAGS = Set.of("--loglevel", "--prefix", "--registry", "--cache",
            "--userconfig", "--omit", "--include", "-w", "--workspace", "--install-strategy", "--network-timeout",
            "--cache-folder", "--modules-folder", "--cwd", "--mutex", "--filter", "--dir", "-C", "--store-dir");

    static final RuleInfo INFO = new RuleInfo("DD0014", Severity.WARNING,
            "Install from the lock file with npm ci, yarn --frozen-lockfile or pnpm --frozen-lockfile",
            "`npm install` resolves package.json again and may install newer versions than the lock file names "
                    + "(and rewrite it), so the image can differ from what was tested even though the lock file "
                    + "was copied in. `npm ci` installs exactly the lock file, fails if it does not match "
                    + "package.json, and is faster on a clean install; yarn and pnpm need `--frozen-lockfile` "
                    + "(Yarn 2+: `--immutable`) for the same guarantee.",
            "Use `npm ci` (with `--omit=dev` for production images), `yarn install --frozen-lockfile` "
                    + "(`yarn install --immutable` on Yarn 2+), or `pnpm install --frozen-lockfile`.",
            List.of(),
            "COPY package.json package-lock.json ./\nRUN npm install\n",
            "COPY package.json package-lock.json ./\nRUN npm ci\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Map<Integer, Set<String>> byStage = new HashMap<>();
        for (Stage stage : ctx.dockerfile().stages()) {
            Set<String> locks = new HashSet<>(stage.buildsOnStage()
                    ? byStage.getOrDefault(stage.parentStage(), Set.of()) : Set.of());
            for (Instruction i : stage.instructions()) {
                locks.addAll(Lockfiles.copiedBy(i, ctx.buildContext()));
                if (i.is("RUN") && ctx.posixShell(i)) {
                    Set<String> here = new HashSet<>(locks);
                    here.addAll(Lockfiles.mountedBy(i));
                    check(i, here, ctx, out);
                }
            }
            byStage.put(stage.index(), locks);
        }
    }

    private void check(Instruction i, Set<String> locks, LintContext ctx, Violations out) {
        for (ShellCommand c : ctx.shell(i).commands()) {
            List<String> ops = c.operands(NPM_VALUE_FLAGS);
            String sub = ops.isEmpty() ? "" : ops.get(0);
            if (c.is("npm") && NPM_INSTALL.contains(sub) && ops.size() == 1 && !c.hasFlag("-g", "--global")
                    && (locks.contains("package-lock.json") || locks.contains("npm-shrinkwrap.json"))) {
                String lock = locks.contains("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : "package-lock.json";
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`npm " + sub + "` with " + lock + " in the stage: use `npm ci`, which installs exactly "
                                + "the lock file and fails when it is out of date", fix(ctx, i, c, sub));
            } else if (c.is("yarn") && (sub.isEmpty() || sub.equals("install") && ops.size() == 1)
                    && locks.contains("yarn.lock") && !c.hasFlag("--frozen-lockfile", "--immutable")
                    && !VerificationBypass.truthy(c.assignments().getOrDefault("YARN_ENABLE_IMMUTABLE_INSTALLS",
                            i.variables().get("YARN_ENABLE_IMMUTABLE_INSTALLS")))) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`" + c.text() + "` with yarn.lock in the stage: add `--frozen-lockfile` (Yarn 1) or "
                                + "`--immutable` (Yarn 2+) so the install fails instead of changing the lock file");
            } else if (c.is("pnpm") && (sub.equals("install") || sub.equals("i")) && ops.size() == 1
                    && locks.contains("pnpm-lock.yaml") && !c.hasFlag("--frozen-lockfile")) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "`" + c.text() + "` with pnpm-lock.yaml in the stage: add `--frozen-lockfile` so the "
                                + "install fails instead of changing the lock file");
            }
        }
    }

    /** Replaces the install word with {@code ci}, keeping every flag; none when the word cannot be placed. */
    private static Edit[] fix(LintContext ctx, Instruction i, ShellCommand c, String sub) {
        for (ShellWord w : c.words().subList(1, c.words().size())) {
            if (w.text().equals(sub) && w.raw().equals(sub)) {
                OptionalInt at = ScriptSource.start(ctx.dockerfile(), i, w);
                return at.isPresent() ? new Edit[] {new Edit(at.getAsInt(), at.getAsInt() + sub.length(), "ci")}
                        : new Edit[0];
            }
        }
        return new Edit[0];
    }
}
