package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code hash} whose value is not a git commit hash (Hadolint DL3055). */
final class DL3055 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3055", Severity.WARNING,
            "Label is not a valid git hash",
            "A label the schema types as `hash` (such as `org.opencontainers.image.revision`) must be the git commit "
                    + "the image was built from: 40 (or 64) lower-case hex digits, or an abbreviation of at least 7. "
                    + "A branch name or tag moves, so it cannot say which code is in the image.",
            "Pass the commit at build time: `--build-arg VCS_REF=$(git rev-parse HEAD)` and `LABEL revision=$VCS_REF`.",
            List.of(),
            "LABEL revision=\"main\"\n",
            "LABEL revision=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.HASH,
                "Label `%s` is not a valid git hash.");
    }
}
