package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;

/** A label of the label schema set to an empty value (Hadolint DL3051). */
final class DL3051 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3051", Severity.WARNING,
            "Label is empty",
            "A schema label set to `\"\"` satisfies the presence check but says nothing: tools that read it get an "
                    + "empty source, version or owner. It usually means a build argument that was never passed "
                    + "was replaced by hand, or a placeholder was left behind.",
            "Give the label its real value, or pass it with `--build-arg` and `LABEL key=$ARG`.",
            List.of(),
            "LABEL title=\"\"\n",
            "LABEL title=\"web\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("LABEL")) {
            return;
        }
        for (KeyValue kv : i.pairs()) {
            if (ctx.settings().labelSchema().containsKey(kv.key())
                    && LabelSchema.literalValue(kv).filter(String::isBlank).isPresent()) {
                out.report(i, kv.position(), "Label `" + kv.key() + "` is empty.");
            }
        }
    }
}
