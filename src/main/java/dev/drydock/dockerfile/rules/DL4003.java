package dev.drydock.dockerfile.rules;

import java.util.List;

/** More than one CMD in a stage (Hadolint DL4003): every CMD after the first is reported. */
final class DL4003 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL4003", Severity.WARNING,
            "Multiple CMD instructions found",
            "Only the last CMD of a stage takes effect; earlier ones are silently ignored. A second CMD is usually "
                    + "a leftover or a misunderstanding (CMD does not run at build time), and readers may trust "
                    + "the wrong one.",
            "Keep a single CMD per stage; to run several processes, use a small entrypoint script or a process "
                    + "supervisor.",
            List.of("DS016"),
            "CMD [\"nginx\"]\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
            "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        RepeatedInStage.report(ctx, out, "CMD", (s, first) ->
                "Multiple `CMD` instructions found. If you list more than one `CMD` then only "
                        + "the last `CMD` will take effect (another CMD on line " + first.line() + ")");
    }
}
