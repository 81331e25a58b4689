package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.List;
import java.util.Optional;

/** {@code COPY --from} naming the stage it is in (Hadolint DL3023). */
final class DL3023 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3023", Severity.ERROR,
            "COPY --from cannot reference its own FROM alias",
            "A stage cannot copy from itself: its filesystem is still being built. BuildKit rejects the build "
                    + "with a circular dependency; the intended source was usually another stage.",
            "Copy from the stage that produces the files, or use a plain COPY from the build context.",
            List.of("DS006"),
            "FROM golang:1.22 AS build\nCOPY --from=build /src/go.mod /app/\n",
            "FROM golang:1.22 AS deps\nRUN go mod download\nFROM golang:1.22 AS build\n"
                    + "COPY --from=deps /go/pkg /go/pkg\n",
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
            if (from.isEmpty() || i.stage() < 0 || i.stage() >= stages.size()) {
                continue;
            }
            Stage own = stages.get(i.stage());
            String v = from.get();
            if (v.equalsIgnoreCase(own.name()) || v.equals(Integer.toString(own.index()))) {
                out.report(i, i.flag("from").orElseThrow().position(),
                        "`--from=" + v + "` is the stage this COPY is in; a stage cannot copy from itself");
            }
        }
    }
}
