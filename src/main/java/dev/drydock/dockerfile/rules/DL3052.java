package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** A label the label schema types as {@code url} whose value is not an absolute URL (Hadolint DL3052). */
final class DL3052 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3052", Severity.WARNING,
            "Label is not a valid URL",
            "A label the schema types as `url` (for example the source repository or documentation) must be an "
                    + "absolute URL with a scheme. Tools link to it; `github.com/acme/web` without `https://` is "
                    + "taken as a relative path and the link leads nowhere.",
            "Write the full URL, scheme included: `https://github.com/acme/web`.",
            List.of(),
            "LABEL source=\"github.com/acme/web\"\n",
            "LABEL source=\"https://github.com/acme/web\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        LabelSchema.reportInvalid(i, ctx, out, LabelSchema.Type.URL,
                "Label `%s` is not a valid URL.");
    }
}
