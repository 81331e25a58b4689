package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import java.util.List;

/** More than one HEALTHCHECK in a stage (Hadolint DL3012). */
final class DL3012 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3012", Severity.ERROR,
            "Multiple HEALTHCHECK instructions",
            "Only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead code that a reader may "
                    + "believe is in force, for example a check removed by a later `HEALTHCHECK NONE`.",
            "Keep one HEALTHCHECK per stage.",
            List.of("DS023"),
            "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q -O- http://localhost/\n",
            "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        RepeatedInStage.report(ctx, out, "HEALTHCHECK", (s, first) ->
                "another HEALTHCHECK in stage " + s.label() + " (first on line " + first.line()
                        + "); only the last one takes effect");
    }
}
