package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;

/** With strict labels on, a label the label schema does not name (Hadolint DL3050). */
final class DL3050 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3050", Severity.INFO,
            "Superfluous label(s) present",
            "With `strict-labels` the label schema is the complete list of labels an image may carry. Any other "
                    + "label is usually a typo of a schema label (`licence` for `licenses`) or an ad-hoc key that "
                    + "inventory tools will not understand.",
            "Remove the label, rename it to the schema's key, or add it to `label-schema`.",
            List.of(),
            "LABEL title=\"web\" licence=\"MIT\"\n",
            "LABEL title=\"web\" licenses=\"MIT\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("LABEL") || !ctx.settings().strictLabels()) {
            return;
        }
        for (KeyValue kv : i.pairs()) {
            if (!ctx.settings().labelSchema().containsKey(kv.key())) {
                out.report(i, kv.position(),
                        "Superfluous label `" + kv.key() + "` present: it is not in the label schema.");
            }
        }
    }
}
