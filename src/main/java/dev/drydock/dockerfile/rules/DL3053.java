package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code rfc3339} whose value is not an RFC 3339 date-time (Hadolint DL3053). */
final class DL3053 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3053", Severity.WARNING,
            "Label is not a valid time format - must conform to RFC3339",
            "A label the schema types as `rfc3339` (such as `org.opencontainers.image.created`) must be an RFC 3339 "
                    + "date-time with a time zone, as the OCI image spec requires. Other formats (`2024-03-01`, "
                    + "`Fri Mar 1 10:00:00 UTC 2024`) cannot be compared or sorted by tools reading the label.",
            "Write `2024-03-01T10:00:00Z` (for example from `date -u +%Y-%m-%dT%H:%M:%SZ`).",
            List.of(),
            "LABEL created=\"2024-03-01 10:00\"\n",
            "LABEL created=\"2024-03-01T10:00:00Z\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.RFC3339,
                "Label `%s` is not a valid time format - must conform to RFC3339.");
    }
}
