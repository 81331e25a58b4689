package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;

/**
 * The per-instruction shape of a rule (Hadolint's "simple rule"): called once for every instruction,
 * ONBUILD triggers included (as the trigger instruction, with the ONBUILD's position).
 */
public abstract class InstructionRule implements Rule {

    @Override
    public final void check(LintContext ctx, Violations out) {
        for (Instruction i : ctx.dockerfile().instructions()) {
            check(i, ctx, out);
            if (i.onbuild() != null) {
                check(i.onbuild(), ctx, out);
            }
        }
    }

    protected abstract void check(Instruction instruction, LintContext ctx, Violations out);
}
