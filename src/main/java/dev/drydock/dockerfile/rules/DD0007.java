package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * A base image pinned by tag only, or not at all. Skips {@code scratch}, earlier stages, and references a
 * variable without default leaves unknown.
 */
final class DD0007 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0007", Severity.INFO,
            "Pin base images by digest",
            "Tags move: `python:3.12-slim` is rebuilt every few weeks and a registry or account compromise can "
                    + "point a tag at anything. Without a digest two builds of the same commit can differ, and a "
                    + "scan of one image says nothing about the next. A digest names exactly one image.",
            "Append the digest: `FROM python:3.12-slim@sha256:<digest>` (from `docker buildx imagetools inspect`), "
                    + "and let a bot such as Renovate or Dependabot update tag and digest together.",
            List.of(),
            "FROM python:3.12-slim\n",
            "FROM python:3.12-slim@sha256:e3ae8cf03c4f0abbfef13a8147478a7cd92798a94fa729a36a185d9106cbae32\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Optional<ImageReference> ref = BaseImages.of(s);
            if (ref.isEmpty() || ref.get().hasDigest()) {
                continue;
            }
            Position at = s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position();
            String image = s.image();
            out.report(s.from(), at, ref.get().hasTag()
                    ? "base image `" + image + "` is pinned by tag only, without a digest; use `" + image
                            + "@sha256:…` so every build gets the same image"
                    : "base image `" + image + "` has no tag and no digest, so it follows `latest`; pin it by "
                            + "digest: `" + image + ":<tag>@sha256:…`");
        }
    }
}
