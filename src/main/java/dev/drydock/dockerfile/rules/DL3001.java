package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Interactive or system-management commands that do nothing useful in a build (Hadolint DL3001). */
final class DL3001 extends InstructionRule {

    private static final Set<String> POINTLESS = Set.of("free", "ifconfig", "kill", "mount", "nano", "ps", "service",
            "shutdown", "ssh", "top", "vim");

    static final RuleInfo INFO = new RuleInfo("DL3001", Severity.INFO,
            "Command makes no sense in a container build",
            "A RUN step executes once, without a terminal, init system or running services: editors (`vim`, "
                    + "`nano`) wait for input, `service`/`shutdown` talk to an init that is not there, and `ps`, "
                    + "`top`, `free`, `ifconfig`, `kill`, `mount` inspect or change a throw-away build sandbox. "
                    + "Such commands usually show a copy-pasted host script or a misunderstanding of how the "
                    + "image runs.",
            "Remove the command; configure services through CMD/ENTRYPOINT and edit files with `sed` or COPY.",
            List.of(),
            "RUN service nginx start\n",
            "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
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
        Set<String> found = new LinkedHashSet<>();
        ShellCommand first = null;
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (POINTLESS.contains(c.name())) {
                found.add("`" + c.name() + "`");
                first = first == null ? c : first;
            }
        }
        if (first != null) {
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, first.words().get(0)),
                    "RUN uses " + String.join(", ", found) + ", which makes no sense in a container build");
        }
    }
}
