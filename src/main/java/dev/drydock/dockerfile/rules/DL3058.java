package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code email} whose value is not an RFC 5322 address (Hadolint DL3058). */
final class DL3058 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3058", Severity.WARNING,
            "Label is not a valid email format - must conform to RFC5322",
            "A label the schema types as `email` (such as a maintainer or security contact) must be an RFC 5322 "
                    + "address, `ops@acme.example` or `Ops Team <ops@acme.example>`, so that tools and people can "
                    + "reach the owner of a running image.",
            "Write a full address: `ops@acme.example`.",
            List.of(),
            "LABEL maintainer=\"ops team\"\n",
            "LABEL maintainer=\"ops@acme.example\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.EMAIL,
                "Label `%s` is not a valid email format - must conform to RFC5322.");
    }
}
