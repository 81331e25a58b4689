package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.Redirect;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A credential file ({@link CredentialFiles}) written by one instruction and deleted only by a later RUN: the
 * deletion hides it from the final filesystem but the earlier layer keeps it. Writes are redirects, {@code tee},
 * {@code cp}/{@code mv}/{@code install} destinations, {@code curl -o}/{@code wget -O}, {@code ssh-keygen -f},
 * {@code npm config set …_authToken}, {@code docker login}, {@code aws configure set}, and COPY/ADD destinations;
 * deletions are {@code rm}, {@code unlink} and {@code shred -u} operands. Stages inherit from their parent stage.
 */
final class DD0004 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0004", Severity.ERROR,
            "Do not write credential files in one layer and delete them in a later one",
            "Every instruction adds a layer, and a file deleted by a later RUN is only hidden: the layer that "
                    + "wrote it still ships with the image, and `docker save` or any registry pull recovers the "
                    + "token, password or private key from it.",
            "Never write the credential into a layer: use "
                    + "`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` "
                    + "(or `--mount=type=ssh` for SSH keys), or write, use and delete the file within one RUN.",
            List.of(),
            "RUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > /root/.npmrc\n"
                    + "RUN npm ci\nRUN rm /root/.npmrc\n",
            "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
            false);

    /** A credential file and the instruction that wrote it. */
    private record Write(String path, Instruction by) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Map<Integer, List<Write>> atEnd = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (Stage s : ctx.dockerfile().stages()) {
            List<Write> written = new ArrayList<>(atEnd.getOrDefault(s.parentStage(), List.of()));
            for (Instruction i : s.instructions()) {
                List<String> writes = new ArrayList<>();
                List<String> removes = new ArrayList<>();
                if (i.is("RUN") && ctx.posixShell(i)) {
                    for (ShellCommand c : ctx.shell(i).commands()) {
                        writes(c, writes);
                        removes(c, removes);
                    }
                } else if ((i.is("COPY") || i.is("ADD")) && i.args().size() >= 2) {
                    List<String> args = i.argTexts();
                    String dest = args.get(args.size() - 1);
                    writes.add(dest);
                    args.subList(0, args.size() - 1).forEach(src -> writes.add(dest + "/" + CredentialFiles.name(src)));
                }
                for (Write w : List.copyOf(written)) {
                    if (removes.stream().anyMatch(r -> CredentialFiles.removes(r, w.path()))) {
                        written.remove(w);
                        if (reported.add(w.by().start().offset() + w.path())) {
                            out.report(w.by(), "credential file `" + w.path() + "` is written here and deleted only "
                                    + "by the RUN on line " + i.line() + ": it stays in this layer; use RUN "
                                    + "--mount=type=secret (or --mount=type=ssh) instead");
                        }
                    }
                }
                for (String path : writes) {
                    boolean gone = removes.stream().anyMatch(r -> CredentialFiles.removes(r, path));
                    if (CredentialFiles.credential(path) && !gone) {
                        written.add(new Write(path, i));
                    }
                }
            }
            atEnd.put(s.index(), written);
        }
    }

    private static void writes(ShellCommand c, List<String> out) {
        for (Redirect r : c.redirects()) {
            String op = r.operator();
            if (op.contains(">") && !op.contains("&") || op.startsWith("&>")) {
                out.add(r.target().text());
            }
        }
        List<String> ops = c.operands(Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t",
                "--target-directory", "-S", "--suffix"));
        switch (c.name()) {
            case "tee" -> out.addAll(ops);
            case "cp", "mv", "install" -> {
                String dir = c.flagValue("-t", "--target-directory").orElse(null);
                String dest = dir != null ? dir : ops.isEmpty() ? null : ops.get(ops.size() - 1);
                if (dest != null) {
                    out.add(dest);
                    ops.subList(0, dir != null ? ops.size() : ops.size() - 1)
                            .forEach(src -> out.add(dest + "/" + CredentialFiles.name(src)));
                }
            }
            case "curl" -> c.flagValue("-o", "--output").ifPresent(out::add);
            case "wget" -> c.flagValue("-O", "--output-document").filter(f -> !f.equals("-")).ifPresent(out::add);
            case "ssh-keygen" -> c.flagValue("-f").ifPresent(out::add);
            case "npm", "pnpm", "yarn" -> {
                if (c.args().contains("config")
                        && c.args().stream().anyMatch(a -> a.contains("_auth") || a.contains("_password"))) {
                    out.add("~/.npmrc");
                }
            }
            case "docker", "podman" -> {
                if (c.subcommand().filter("login"::equals).isPresent()) {
                    out.add("~/.docker/config.json");
                }
            }
            case "aws" -> {
                if (c.args().contains("configure") && c.args().stream().anyMatch(a -> a.startsWith("aws_"))) {
                    out.add("~/.aws/credentials");
                }
            }
            default -> {
            }
        }
    }

    private static void removes(ShellCommand c, List<String> out) {
        if (c.is("rm", "unlink") || c.is("shred") && c.hasFlag("-u", "--remove")) {
            out.addAll(c.operands());
        }
    }
}
