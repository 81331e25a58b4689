package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import java.util.List;

/**
 * {@code FROM --platform=…} with a fixed platform (Hadolint DL3029). As Hadolint, a platform built from BuildKit's
 * {@code $BUILDPLATFORM} or {@code $TARGETPLATFORM} is fine: that is how cross-compiling multi-platform builds work.
 */
final class DL3029 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3029", Severity.WARNING,
            "Do not use --platform flag with FROM",
            "A fixed `--platform=linux/amd64` makes every build of the image that platform, whatever the builder "
                    + "or the `--platform` given to `docker build`: on an arm64 machine the image runs under "
                    + "emulation, and a multi-platform build silently produces the same architecture for every "
                    + "target.",
            "Remove `--platform` and choose the platform when building (`docker build --platform linux/arm64`), or "
                    + "use `--platform=$BUILDPLATFORM` for a cross-compiling build stage.",
            List.of(),
            "FROM --platform=linux/amd64 eclipse-temurin:21.0.3_9-jre\n",
            "FROM eclipse-temurin:21.0.3_9-jre\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            var flag = s.from().flag("platform");
            if (flag.isEmpty()) {
                continue;
            }
            String p = flag.get().value() == null ? "" : flag.get().value();
            if (!p.isEmpty() && !p.contains("BUILDPLATFORM") && !p.contains("TARGETPLATFORM")) {
                out.report(s.from(), flag.get().position(), "FROM pins the platform to `" + p
                        + "`; let `docker build --platform` choose it, or use `$BUILDPLATFORM` for a build stage");
            }
        }
    }
}
