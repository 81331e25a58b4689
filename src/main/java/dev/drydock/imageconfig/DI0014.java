package dev.drydock.imageconfig;

import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.List;

/**
 * The base distribution release no longer gets security updates (its end of life, as
 * {@link dev.drydock.analyzer.os.EndOfLife} knows it, is before the clock's day).
 */
final class DI0014 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0014", Severity.HIGH, CheckInfo.FILESYSTEM,
            "Base OS release is past its end of life",
            "After a release's end of life its maintainers publish no more security fixes: new vulnerabilities in its "
                    + "packages stay open forever, and vulnerability feeds may stop listing them at all, so a clean "
                    + "scan of such an image proves little.",
            "Rebuild on a supported release of the distribution (for example `debian:12-slim` instead of "
                    + "`debian:10`, `alpine:3.20` instead of `alpine:3.15`), or on a distroless or minimal base that is "
                    + "kept current.",
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        OperatingSystem os = in.os();
        if (os == null || !os.pastEndOfLife(in.clock())) {
            return List.of();
        }
        return List.of(INFO.finding(os.name() + " reached its end of life on " + os.endOfLife(),
                os.name() + " (read from /" + os.source() + ") has had no security updates since " + os.endOfLife()
                        + ".", Finding.Location.file(os.source(), null)));
    }
}
