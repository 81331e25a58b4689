package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code semver} whose value is not a semantic version (Hadolint DL3056). */
final class DL3056 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3056", Severity.WARNING,
            "Label does not conform to semantic versioning",
            "A label the schema types as `semver` (such as `org.opencontainers.image.version`) must be a semantic "
                    + "version (`MAJOR.MINOR.PATCH`, optional `-pre-release` and `+build`). Tools order and compare "
                    + "versions by these rules; `v1.2` or `latest` cannot be compared.",
            "Write the version as `1.4.2` (no leading `v`, all three numbers).",
            List.of(),
            "LABEL version=\"v1.4\"\n",
            "LABEL version=\"1.4.0\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.SEMVER,
                "Label `%s` does not conform to semantic versioning.");
    }
}
