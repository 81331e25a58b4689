package dev.drydock.dockerfile.rules;

import java.util.List;

/** More than one ENTRYPOINT in a stage (Hadolint DL4004): every ENTRYPOINT after the first is reported. */
final class DL4004 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL4004", Severity.ERROR,
            "Multiple ENTRYPOINT instructions found",
            "Only the last ENTRYPOINT of a stage takes effect; earlier ones are silently ignored. Since ENTRYPOINT "
                    + "decides what every container of the image runs, and resets CMD, an overlooked second one "
                    + "changes the image's behaviour in ways readers do not expect.",
            "Keep a single ENTRYPOINT per stage; chain setup steps in an entrypoint script that ends with "
                    + "`exec \"$@\"`.",
            List.of("DS007"),
            "ENTRYPOINT [\"/docker-entrypoint.sh\"]\nENTRYPOINT [\"nginx\"]\n",
            "ENTRYPOINT [\"/docker-entrypoint.sh\"]\nCMD [\"nginx\"]\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        RepeatedInStage.report(ctx, out, "ENTRYPOINT", (s, first) ->
                "Multiple `ENTRYPOINT` instructions found. If you list more than one "
                        + "`ENTRYPOINT` then only the last `ENTRYPOINT` will take effect (another ENTRYPOINT "
                        + "on line " + first.line() + ")");
    }
}
