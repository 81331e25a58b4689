package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Position;
import dev.drydock.image.ImageReference;
import java.util.List;
import java.util.Optional;

/** {@code COPY --from=<image>} (or a RUN mount from an image) without a digest. */
final class DD0023 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0023", Severity.WARNING,
            "Pin images used in COPY --from by digest",
            "`COPY --from=nginx:1.27 …` pulls a whole image just like FROM does, but is easy to overlook when "
                    + "base images are pinned. A tag can be moved to different content at any time (by the "
                    + "publisher or by whoever compromises the repository), so the files copied into your image "
                    + "can change between two builds of the same Dockerfile without any change you can review.",
            "Pin the image by digest: `COPY --from=nginx:1.27@sha256:<digest> …` (get it with `docker buildx "
                    + "imagetools inspect nginx:1.27`), or add a named stage `FROM nginx:1.27@sha256:… AS nginx` and "
                    + "copy from that.",
            List.of(),
            "COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv\n",
            "COPY --from=ghcr.io/astral-sh/uv:0.4.18@sha256:"
                    + "2b3fa8a4e5ec2d6bf2ccb7e2eefe0e87d5b0e6a6a9d1d43f1b6b1c8f3f5e7a9c /uv /bin/uv\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (i.is("COPY")) {
            i.flag("from").ifPresent(f -> check(i, ctx, f.value(), f.position(), "COPY --from=", out));
        } else if (i.is("RUN")) {
            for (Flag f : i.flags("mount")) {
                String from = f.options().get("from");
                if (from != null) {
                    check(i, ctx, from, f.position(), "RUN --mount from=", out);
                }
            }
        }
    }

    private static void check(Instruction i, LintContext ctx, String from, Position at, String where, Violations out) {
        if (from == null || from.matches("\\d+")
                || ctx.dockerfile().stage(from).isPresent() || from.equalsIgnoreCase("scratch")) {
            return;
        }
        String image = i.expand(from);
        if (image.contains("$") || ctx.dockerfile().stage(image).isPresent()) {
            return;
        }
        Optional<ImageReference> ref = ImageReference.tryParse(image);
        if (ref.isEmpty() || ref.get().hasDigest()) {
            return;
        }
        out.report(i, at, where + image + " is not pinned by digest: "
                + (ref.get().hasTag() ? "the tag " + ref.get().tag() + " can move" : "without a tag it means latest")
                + "; add @sha256:…");
    }
}
