package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import java.util.List;

/**
 * The image built has no HEALTHCHECK (Hadolint DL3057), reported at the final stage's FROM. A HEALTHCHECK (also
 * {@code HEALTHCHECK NONE}, an explicit choice) in a stage it builds on counts. Unlike Hadolint, which judges every
 * stage, build stages are not reported: no container ever runs from them, so a finding there is noise.
 */
final class DL3057 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3057", Severity.INFO,
            "HEALTHCHECK instruction missing",
            "Without a HEALTHCHECK, Docker and Swarm only know whether the main process runs, not whether it "
                    + "works: a server that hangs or lost its database connection stays \"up\" and keeps receiving "
                    + "traffic. A health check lets the engine mark the container unhealthy and restart it.",
            "Add a `HEALTHCHECK CMD …` that probes the service (or `HEALTHCHECK NONE` to state there is none).",
            List.of("DS026", "CKV_DOCKER_2"),
            "FROM nginx:1.25-alpine\nCOPY site/ /usr/share/nginx/html/\n",
            "FROM nginx:1.25-alpine\nCOPY site/ /usr/share/nginx/html/\n"
                    + "HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Dockerfile df = ctx.dockerfile();
        df.finalStage().ifPresent(stage -> {
            if (!StageChain.anyInChain(df, stage, i -> i.is("HEALTHCHECK"))) {
                out.report(stage.from(), "`HEALTHCHECK` instruction missing.");
            }
        });
    }
}
