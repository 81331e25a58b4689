package dev.drydock.imageconfig;

import dev.drydock.image.ImageConfig;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.List;

/**
 * No {@code HEALTHCHECK}: the config has no {@code Healthcheck}. An explicit {@code HEALTHCHECK NONE} is a decision
 * (a command-line tool, a job) and is not reported, as Dockle's CIS-DI-0006 and the linter's DL3057 treat it.
 */
final class DI0002 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0002", Severity.LOW, CheckInfo.IMAGE_CONFIG,
            "Image has no HEALTHCHECK",
            "Without a health check, Docker and Swarm only know whether the process is alive, not whether it serves: "
                    + "a hung server stays in rotation and is never restarted (CIS Docker Benchmark 4.6). Kubernetes "
                    + "ignores HEALTHCHECK and uses its own probes, so there this is informational.",
            "Add `HEALTHCHECK --interval=30s --timeout=3s CMD [\"/app/healthcheck\"]` with a command that exists in "
                    + "the image (distroless images have no curl: ship a small static probe), or declare Kubernetes "
                    + "liveness and readiness probes and ignore this check.",
            List.of("CIS-DI-0006"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        ImageConfig.Healthcheck h = in.config().healthcheck();
        if (h == null || h.test() == null || h.test().isEmpty()) {
            return List.of(INFO.finding("Image has no HEALTHCHECK", "The image config declares no health check.",
                    Finding.Location.config("Healthcheck")));
        }
        return List.of();
    }
}
