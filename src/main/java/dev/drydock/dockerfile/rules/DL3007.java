package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.util.List;
import java.util.Optional;

/** FROM with the {@code latest} tag and no digest (Hadolint DL3007). */
final class DL3007 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3007", Severity.WARNING,
            "Using latest is prone to errors if the image will ever update",
            "`latest` is just the tag a publisher moves on every push: the same Dockerfile builds different images "
                    + "on different days, and a new major version can break the build or the application without "
                    + "any change in your repository. A digest next to it pins the content, so that is accepted.",
            "Pin a release tag (`FROM node:20.11-alpine`), better also a digest.",
            List.of("DS001", "CKV_DOCKER_7"),
            "FROM node:latest\n",
            "FROM node:20.11-alpine\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Optional<ImageReference> ref = BaseImages.of(s);
            if (ref.isPresent() && "latest".equals(ref.get().tag()) && !ref.get().hasDigest()) {
                var at = s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position();
                out.report(s.from(), at, "base image `" + s.image() + "` uses the `latest` tag; pin a release tag");
            }
        }
    }
}
