package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.function.BiFunction;

/** Instructions of which only the last in a stage takes effect (CMD, ENTRYPOINT, HEALTHCHECK): reports the others' repeats. */
final class RepeatedInStage {

    private RepeatedInStage() {
    }

    /**
     * Reports every {@code keyword} instruction after the first in its stage, with the message
     * {@code message.apply(stage, first)}.
     */
    static void report(LintContext ctx, Violations out, String keyword, BiFunction<Stage, Instruction, String> message) {
        for (Stage s : ctx.dockerfile().stages()) {
            Instruction first = null;
            for (Instruction i : s.instructions()) {
                if (!i.is(keyword)) {
                    continue;
                }
                if (first == null) {
                    first = i;
                } else {
                    out.report(i, message.apply(s, first));
                }
            }
        }
    }
}
