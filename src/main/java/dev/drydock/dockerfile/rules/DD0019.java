package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import java.util.List;
import java.util.Locale;

/** RUN with {@code --security=insecure} or {@code --network=host}. */
final class DD0019 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0019", Severity.WARNING,
            "Do not weaken build isolation with RUN --security=insecure or --network=host",
            "`RUN --security=insecure` runs the step as a privileged container (all capabilities, host devices, "
                    + "no seccomp/AppArmor), and `--network=host` gives it the build host's network: localhost "
                    + "services, cloud metadata endpoints and internal networks. A compromised package script in "
                    + "that step can then reach or take over the build machine. Both need BuildKit entitlements "
                    + "(`--allow security.insecure`, `--allow network.host`), which shared builders should not grant.",
            "Remove the flag. Fetch what the step needs from the default sandboxed network, pass credentials "
                    + "with `RUN --mount=type=secret`, and do privileged work (mounting, loop devices) outside the "
                    + "image build.",
            List.of(),
            "RUN --network=host pip install --no-cache-dir -r requirements.txt\n",
            "RUN pip install --no-cache-dir -r requirements.txt\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN")) {
            return;
        }
        for (Flag f : i.flags()) {
            String value = f.value() == null ? "" : i.expand(f.value()).trim().toLowerCase(Locale.ROOT);
            if (f.name().equals("security") && value.equals("insecure")) {
                out.report(i, f.position(), "RUN --security=insecure runs this step privileged, with full access "
                        + "to the build host's kernel and devices");
            } else if (f.name().equals("network") && value.equals("host")) {
                out.report(i, f.position(), "RUN --network=host gives this step the build host's network, "
                        + "including localhost services and cloud metadata endpoints");
            }
        }
    }
}
