package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.Redirect;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@code --mount=type=secret} file copied to a path that stays in the layer. */
final class DD0026 extends InstructionRule {

    private static final Set<String> COPIERS = Set.of("cp", "install", "rsync");
    private static final Set<String> VALUE_FLAGS = Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t",
            "--target-directory", "-S", "--suffix");

    static final RuleInfo INFO = new RuleInfo("DD0026", Severity.WARNING,
            "Do not copy a mounted secret into the image",
            "`RUN --mount=type=secret` exists so that a token or key is available to one command without being "
                    + "written to a layer. Copying it out of /run/secrets (`cp`, `cat … > file`) defeats that: "
                    + "the copy is part of the layer and anyone who pulls the image can extract it, even if a "
                    + "later RUN deletes it.",
            "Point the tool at the mounted file (`NPM_CONFIG_USERCONFIG=/run/secrets/npmrc npm ci`, "
                    + "`--mount=type=secret,id=npmrc,target=/root/.npmrc`), or delete the copy in the same RUN "
                    + "before it ends.",
            List.of(),
            "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci\n",
            "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        List<String> secrets = secretPaths(i);
        if (secrets.isEmpty() || !ctx.posixShell(i)) {
            return;
        }
        List<ShellCommand> commands = ctx.shell(i).commands();
        Set<String> found = new LinkedHashSet<>();
        for (int k = 0; k < commands.size(); k++) {
            ShellCommand c = commands.get(k);
            for (String secret : secrets) {
                for (String dest : destinations(c, secret)) {
                    if (!removedLater(commands.subList(k + 1, commands.size()), dest)) {
                        found.add("secret " + secret + " is copied to " + dest + ", which stays in the layer");
                    }
                }
            }
        }
        found.forEach(msg -> out.report(i, msg));
    }

    /** Where the secret files of a RUN's secret mounts appear: {@code target}, else {@code /run/secrets/<id>}. */
    static List<String> secretPaths(Instruction i) {
        List<String> out = new ArrayList<>();
        if (!i.is("RUN")) {
            return out;
        }
        for (Flag f : i.flags("mount")) {
            Map<String, String> o = f.options();
            if (f.mountType().equals("secret") && !o.containsKey("env")) {
                String target = o.getOrDefault("target", o.getOrDefault("dst", o.get("destination")));
                String id = o.get("id");
                if (target != null || id != null) {
                    out.add(target != null ? target : "/run/secrets/" + id);
                }
            }
        }
        return out;
    }

    /**
     * Files this command writes the secret to: {@code cp SECRET DEST}, output redirected from a command reading it,
     * {@code tee DEST < SECRET}.
     */
    private static List<String> destinations(ShellCommand c, String secret) {
        List<String> out = new ArrayList<>();
        if (COPIERS.contains(c.name())) {
            List<String> ops = c.operands(VALUE_FLAGS);
            if (ops.size() >= 2 && ops.subList(0, ops.size() - 1).contains(secret)) {
                out.add(ops.get(ops.size() - 1));
            }
        } else if (c.args().stream().anyMatch(a -> a.contains(secret)) || c.redirects().stream()
                .anyMatch(r -> r.operator().matches("0?<") && r.target().text().equals(secret))) {
            if (c.is("tee")) {
                out.addAll(c.operands().stream().filter(f -> !f.startsWith("/dev/")).toList());
            }
            for (Redirect r : c.redirects()) {
                String target = r.target().text();
                if (r.operator().matches("1?>>?|&>>?|>\\|") && !target.startsWith("/dev/")) {
                    out.add(target);
                }
            }
        }
        return out;
    }

    private static boolean removedLater(List<ShellCommand> later, String path) {
        return later.stream().anyMatch(c -> c.is("rm", "shred", "unlink") && c.operands().contains(path));
    }
}
