package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Heredoc;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A RUN that uses a credential-looking ARG of its stage ({@code $NPM_TOKEN}, {@code ${GITHUB_TOKEN}}) in a command
 * or in a here-document it expands. The value is recorded in the RUN's history entry. A RUN whose
 * {@code --mount=type=secret,env=NAME} provides the variable is fine.
 */
final class DD0005 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0005", Severity.ERROR,
            "Use a secret mount, not an ARG, for credentials used in RUN",
            "When a RUN uses a build argument, BuildKit records the argument's value in that layer's history "
                    + "(`docker history --no-trunc` shows `|1 GITHUB_TOKEN=ghp_… /bin/sh -c …`), so the "
                    + "credential ships with the image even though no file contains it. A secret mount is "
                    + "available only while the RUN executes and is never recorded.",
            "Replace the ARG by a build secret: `RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN …` and "
                    + "build with `--secret id=github_token,env=GITHUB_TOKEN`.",
            List.of(),
            "FROM alpine/git:2.45.2\nARG GITHUB_TOKEN\n"
                    + "RUN git clone https://${GITHUB_TOKEN}@github.com/example/private.git\n",
            "FROM alpine/git:2.45.2\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN \\\n"
                    + "    git clone https://${GITHUB_TOKEN}@github.com/example/private.git\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Map<String, Instruction> args = new LinkedHashMap<>();
            for (Instruction i : s.instructions()) {
                if (i.is("ARG")) {
                    for (KeyValue kv : i.pairs()) {
                        if (SecretPatterns.secretName(kv.key())) {
                            args.put(kv.key(), i);
                        }
                    }
                } else if (i.is("RUN") && ctx.posixShell(i)) {
                    args.forEach((name, arg) -> use(ctx, i, name).ifPresent(at -> out.report(i, at,
                            "RUN uses ARG `" + name + "` (line " + arg.line() + "): its value is recorded in the "
                                    + "image history; use RUN --mount=type=secret,id=" + name.toLowerCase(
                                    java.util.Locale.ROOT) + ",env=" + name)));
                }
            }
        }
    }

    /** Where the RUN refers to {@code name}, unless a secret mount provides it. */
    private static Optional<Position> use(LintContext ctx, Instruction run, String name) {
        for (Flag f : run.flags("mount")) {
            if (f.mountType().equals("secret") && name.equals(f.options().get("env"))) {
                return Optional.empty();
            }
        }
        Pattern ref = Pattern.compile("\\$\\{?" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        for (ShellCommand c : ctx.shell(run).commands()) {
            for (ShellWord w : c.words()) {
                if (ref.matcher(w.text()).find()) {
                    return Optional.of(ScriptSource.position(ctx.dockerfile(), run, w));
                }
            }
            boolean inAssignment = c.assignments().values().stream().anyMatch(v -> ref.matcher(v).find());
            boolean inRedirect = c.redirects().stream().anyMatch(r -> ref.matcher(r.target().text()).find());
            if (inAssignment || inRedirect) {
                return Optional.of(run.start());
            }
        }
        for (Heredoc h : run.heredocs()) {
            if (!h.quoted() && ref.matcher(h.body()).find()) {
                return Optional.of(h.bodyStart());
            }
        }
        return Optional.empty();
    }
}
