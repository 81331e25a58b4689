package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY --from} naming no earlier stage (Hadolint DL3022). A value with {@code :}, {@code /} or {@code @}
 * is an image reference and is fine, as is the index of an earlier stage.
 */
final class DL3022 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3022", Severity.WARNING,
            "COPY --from should reference a previously defined FROM alias",
            "`--from` names a stage defined earlier or an image. A name that matches no earlier stage is taken "
                    + "as an image on Docker Hub: a typo or a stage defined further down silently pulls an "
                    + "unrelated (possibly malicious) image, or fails the build.",
            "Define the stage first (`FROM golang:1.22 AS build`) and copy with `--from=build`; write external "
                    + "images with a tag (`--from=nginx:1.25`).",
            List.of(),
            "COPY --from=build /out/app /usr/local/bin/app\n",
            "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM debian:12\n"
                    + "COPY --from=build /out/app /usr/local/bin/app\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<Stage> stages = ctx.dockerfile().stages();
        for (Instruction i : ctx.dockerfile().instructions()) {
            Optional<String> from = CopyFrom.value(i);
            if (from.isEmpty() || CopyFrom.isImage(from.get()) || i.stage() < 0) {
                continue;
            }
            String v = from.get();
            boolean known = stages.subList(0, i.stage() + 1).stream()
                    .anyMatch(s -> v.equalsIgnoreCase(s.name()) || v.equals(Integer.toString(s.index())));
            if (!known) {
                Flag f = i.flag("from").orElseThrow();
                boolean later = stages.stream().anyMatch(s -> v.equalsIgnoreCase(s.name()));
                out.report(i, f.position(), later
                        ? "`--from=" + v + "` names a stage defined after this COPY"
                        : "`--from=" + v + "` names no earlier stage; if it is an image, write it with a tag");
            }
        }
    }
}
