package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.util.List;
import java.util.Optional;

/** FROM without tag or digest (Hadolint DL3006). */
final class DL3006 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3006", Severity.WARNING,
            "Always tag the version of an image explicitly",
            "Without a tag, FROM means `:latest`, which moves whenever the publisher pushes: the same Dockerfile "
                    + "builds different images on different days, and a new major version can break the build or "
                    + "the application without any change in your repository.",
            "Name a version tag (`FROM python:3.12-slim`), better also a digest "
                    + "(`FROM python:3.12-slim@sha256:…`).",
            List.of(),
            "FROM python\n",
            "FROM python:3.12-slim\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Optional<ImageReference> ref = BaseImages.of(s);
            if (ref.isPresent() && !ref.get().hasTag() && !ref.get().hasDigest()) {
                var at = s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position();
                String shown = s.image().equals(s.imageExpanded()) ? "`" + s.image() + "`"
                        : "`" + s.image() + "` (`" + s.imageExpanded() + "`)";
                out.report(s.from(), at, "base image " + shown + " has no tag; name a version explicitly");
            }
        }
    }
}
