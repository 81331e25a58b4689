package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code spdx} whose value is not an SPDX license expression (Hadolint DL3054). */
final class DL3054 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3054", Severity.WARNING,
            "Label is not a valid SPDX license identifier",
            "A label the schema types as `spdx` (such as `org.opencontainers.image.licenses`) must be an SPDX "
                    + "license expression, as the OCI image spec requires. License scanners and compliance "
                    + "reports match these ids exactly; `Apache 2` or `GPLv3` are not recognised.",
            "Use SPDX ids and operators: `Apache-2.0`, `MIT OR Apache-2.0`, "
                    + "`GPL-2.0-only WITH Classpath-exception-2.0`.",
            List.of(),
            "LABEL licenses=\"Apache 2\"\n",
            "LABEL licenses=\"Apache-2.0\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.SPDX,
                "Label `%s` is not a valid SPDX license identifier.");
    }
}
