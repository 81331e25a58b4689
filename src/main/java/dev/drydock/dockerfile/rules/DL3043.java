package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** {@code ONBUILD ONBUILD}, {@code ONBUILD FROM} or {@code ONBUILD MAINTAINER} (Hadolint DL3043). */
final class DL3043 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3043", Severity.ERROR,
            "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction",
            "The Dockerfile reference forbids these triggers: chaining `ONBUILD ONBUILD` is not allowed, and `FROM` "
                    + "or `MAINTAINER` cannot run as a trigger. Docker rejects the instruction when building this "
                    + "image, or every child image fails when the trigger fires.",
            "Remove the trigger. Put what the child image needs in an allowed trigger (`ONBUILD COPY`, "
                    + "`ONBUILD RUN`), and use `LABEL org.opencontainers.image.authors=…` instead of MAINTAINER.",
            List.of(),
            "ONBUILD MAINTAINER \"Jane Doe <jane@example.com>\"\n",
            "ONBUILD COPY . /app/src\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Instruction i : ctx.dockerfile().instructions()) {
            Instruction trigger = i.onbuild();
            if (trigger != null && (trigger.is("ONBUILD") || trigger.is("FROM") || trigger.is("MAINTAINER"))) {
                out.report(i, trigger.start(), "`ONBUILD " + trigger.keyword() + "` is not allowed: "
                        + (trigger.is("ONBUILD") ? "ONBUILD triggers cannot be chained"
                        : trigger.keyword() + " cannot run as a trigger"));
            }
        }
    }
}
