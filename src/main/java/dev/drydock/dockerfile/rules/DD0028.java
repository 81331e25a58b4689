package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code chmod}, {@code install -m} or {@code COPY --chmod} setting the setuid or setgid bit. */
final class DD0028 extends InstructionRule {

    /** Symbolic modes that add s: {@code +s}, {@code u+s}, {@code g=rxs}, {@code a+rwxs}, {@code u+x,g+s}. */
    private static final Pattern SYMBOLIC_S = Pattern.compile("(^|,)[ugoa]*[+=][rwxXtugo]*s");
    private static final Pattern OCTAL = Pattern.compile("0*([0-7]{4})");
    private static final Set<String> CHMOD_VALUE_FLAGS = Set.of("--reference");
    private static final Set<String> INSTALL_VALUE_FLAGS = Set.of("-m", "--mode", "-o", "--owner", "-g", "--group",
            "-t", "--target-directory", "-S", "--suffix");

    static final RuleInfo INFO = new RuleInfo("DD0028", Severity.ERROR,
            "Do not set setuid or setgid bits",
            "A setuid (or setgid) program runs with its owner's (group's) rights no matter who starts it; owned by "
                    + "root, any bug in it, or in the libraries and environment it trusts, lets an unprivileged "
                    + "process in the container become root. Images should remove such bits, not add them (CIS "
                    + "Docker Benchmark 4.8).",
            "Drop the setuid/setgid bit. Run the program as the right user (`USER`), grant a single capability "
                    + "with `setcap` if it really needs one, or do the privileged work at build time.",
            List.of("CIS-DI-0008"),
            "RUN chmod u+s /usr/local/bin/backup\n",
            "RUN chmod 0755 /usr/local/bin/backup\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if ((i.is("COPY") || i.is("ADD")) && i.args().size() >= 2) {
            i.flag("chmod").ifPresent(f -> {
                String bits = f.value() == null ? "" : specialBits(f.value());
                if (!bits.isEmpty()) {
                    out.report(i, f.position(), i.keyword() + " --chmod=" + f.value() + " sets the " + bits
                            + " bit on " + String.join(", ", i.argTexts().subList(0, i.args().size() - 1))
                            + ": the program runs with its owner's rights for any user");
                }
            });
            return;
        }
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands()) {
            Optional<String> mode = Optional.empty();
            List<String> files = List.of();
            if (c.is("chmod")) {
                List<String> ops = c.operands(CHMOD_VALUE_FLAGS);
                mode = ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0));
                files = ops.isEmpty() ? files : ops.subList(1, ops.size());
            } else if (c.is("install")) {
                mode = c.flagValue("-m", "--mode");
                files = c.operands(INSTALL_VALUE_FLAGS);
                files = files.isEmpty() ? files : files.subList(files.size() - 1, files.size());
            }
            String bits = mode.map(DD0028::specialBits).orElse("");
            if (!bits.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)), c.name() + " "
                        + mode.get() + " sets the " + bits + " bit" + (files.isEmpty() ? "" : " on "
                        + String.join(", ", files)) + ": the program runs with its owner's rights for any user");
            }
        }
    }

    /** "setuid", "setgid", "setuid and setgid", or "" for a mode that sets neither. */
    static String specialBits(String mode) {
        boolean uid;
        boolean gid;
        var octal = OCTAL.matcher(mode);
        if (octal.matches()) {
            int special = octal.group(1).charAt(0) - '0';
            uid = (special & 4) != 0;
            gid = (special & 2) != 0;
        } else {
            uid = false;
            gid = false;
            for (String clause : mode.split(",")) {
                if (SYMBOLIC_S.matcher(clause).find()) {
                    String who = clause.substring(0, Math.max(0, clause.indexOf('+') >= 0 ? clause.indexOf('+')
                            : clause.indexOf('=')));
                    uid |= who.isEmpty() || who.contains("u") || who.contains("a");
                    gid |= who.isEmpty() || who.contains("g") || who.contains("a");
                }
            }
        }
        return uid && gid ? "setuid and setgid" : uid ? "setuid" : gid ? "setgid" : "";
    }
}
