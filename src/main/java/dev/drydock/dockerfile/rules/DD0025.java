package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** {@code apt-key add} / {@code apt-key adv}: deprecated, and the key is trusted for every repository. */
final class DD0025 extends InstructionRule {

    private static final Set<String> ADDING = Set.of("add", "adv");
    private static final Set<String> VALUE_FLAGS = Set.of("--keyring");

    static final RuleInfo INFO = new RuleInfo("DD0025", Severity.INFO,
            "Use a signed-by keyring instead of apt-key",
            "A key added with `apt-key add` (or `apt-key adv --recv-keys`) goes into the global trusted keyring, "
                    + "so apt accepts it as a signature for every repository, including Debian's own: whoever holds "
                    + "that third-party key can ship replacements for any system package. apt-key is deprecated "
                    + "and, per its manual page, last available in Debian 12 and Ubuntu 24.04, so the build breaks "
                    + "on newer bases.",
            "Store the key in its own file and bind it to the one repository: `curl -fsSL https://example.com/key.asc "
                    + "| gpg --dearmor -o /etc/apt/keyrings/example.gpg` and `deb [signed-by=/etc/apt/keyrings/"
                    + "example.gpg] https://example.com/apt stable main`.",
            List.of(),
            "RUN curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -\n",
            "RUN install -m 0755 -d /etc/apt/keyrings && curl -fsSL https://download.docker.com/linux/debian/gpg "
                    + "-o /etc/apt/keyrings/docker.asc\n",
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
        for (ShellCommand c : ctx.shell(i).commands("apt-key")) {
            List<String> ops = c.operands(VALUE_FLAGS);
            if (!ops.isEmpty() && ADDING.contains(ops.get(0))) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "apt-key " + ops.get(0) + " trusts the key for every repository and is deprecated; put it in "
                                + "/etc/apt/keyrings/ and use signed-by=");
            }
        }
    }
}
