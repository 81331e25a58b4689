package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/**
 * An instruction other than ARG before the first FROM (Hadolint DL3061). Only ARG (and comments and parser
 * directives) may precede FROM; BuildKit refuses anything else.
 */
final class DL3061 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3061", Severity.ERROR,
            "Invalid instruction order. Dockerfile must begin with FROM, ARG or comment",
            "A Dockerfile must start with FROM, optionally preceded by ARG instructions (and comments and parser "
                    + "directives). Any other instruction before the first FROM belongs to no build stage: the "
                    + "build fails with \"no build stage in current context\".",
            "Move the instruction below the first FROM, or turn a value it needs into a global `ARG`.",
            List.of(),
            "ARG VERSION=1.4.2\nLABEL version=$VERSION\nFROM alpine:3.19\n",
            "ARG VERSION=1.4.2\nFROM alpine:3.19\nARG VERSION\nLABEL version=$VERSION\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Instruction i : ctx.dockerfile().instructions()) {
            if (i.stage() < 0 && !i.is("ARG") && !i.is("FROM")) {
                out.report(i, "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment: `"
                        + i.keyword() + "` comes before the first `FROM`.");
            }
        }
    }
}
