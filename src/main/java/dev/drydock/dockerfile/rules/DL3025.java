package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** CMD / ENTRYPOINT in shell form (Hadolint DL3025). */
final class DL3025 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3025", Severity.WARNING,
            "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
            "In shell form the command runs as `/bin/sh -c \"…\"`: the shell is PID 1, so `docker stop` sends "
                    + "SIGTERM to the shell, not to your process, which is killed after the grace period without "
                    + "shutting down cleanly. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.",
            "Write the JSON array form: `CMD [\"nginx\", \"-g\", \"daemon off;\"]`; if you need the shell, `exec` "
                    + "the process at the end of a script.",
            List.of(),
            "CMD nginx -g 'daemon off;'\n",
            "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if ((i.is("CMD") || i.is("ENTRYPOINT")) && !i.execForm() && !i.text().isBlank()) {
            out.report(i, i.keyword() + " `" + i.text().strip() + "` is in shell form; use JSON notation: "
                    + i.keyword() + " [\"executable\", \"arg\", …]");
        }
    }
}
