package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import dev.drydock.dockerfile.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A label of the label schema missing from a stage (Hadolint DL3049), reported at the stage's FROM. A label set
 * in a stage this one builds on counts. Stages only used as a source of files ({@code COPY --from},
 * {@code RUN --mount=from=}) are not images anyone runs, so they need no labels.
 */
final class DL3049 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3049", Severity.INFO,
            "Label is missing",
            "The label schema (`label-schema` in the configuration) lists labels every image must carry, such as "
                    + "its source repository, version or owner. Registries, scanners and inventory tools read "
                    + "them to say where an image came from and who to contact; an image without them is an orphan.",
            "Add the label with a `LABEL` instruction in the stage, or in a stage it builds on.",
            List.of(),
            "FROM alpine:3.19\nLABEL title=\"web\" source=\"https://github.com/acme/web\" "
                    + "maintainer=\"ops@acme.example\" version=\"1.4.2\"\n",
            "FROM alpine:3.19\nLABEL title=\"web\" source=\"https://github.com/acme/web\" "
                    + "maintainer=\"ops@acme.example\" version=\"1.4.2\" \\\n"
                    + "      created=\"2024-03-01T10:00:00Z\" revision=\"43c572f1272b6b3171dd1db9e41b7027128ce080\" "
                    + "licenses=\"Apache-2.0\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<String> required = LabelSchema.labels(ctx.settings());
        if (required.isEmpty()) {
            return;
        }
        Dockerfile df = ctx.dockerfile();
        Set<Integer> fileSources = fileSources(df);
        for (Stage stage : df.stages()) {
            if (fileSources.contains(stage.index())) {
                continue;
            }
            Set<String> present = new HashSet<>();
            for (Stage s : StageChain.of(df, stage)) {
                s.instructions().stream().filter(i -> i.is("LABEL"))
                        .forEach(i -> i.pairs().stream().map(KeyValue::key).forEach(present::add));
            }
            for (String label : required) {
                if (!present.contains(label)) {
                    out.report(stage.from(), "Label `" + label + "` is missing.");
                }
            }
        }
    }

    /** Stages other stages take files from, by name or index. */
    private static Set<Integer> fileSources(Dockerfile df) {
        Set<Integer> out = new HashSet<>();
        for (Instruction i : df.instructions()) {
            CopyFrom.value(i).flatMap(df::stage).ifPresent(s -> out.add(s.index()));
            for (Flag mount : i.flags("mount")) {
                String from = mount.options().get("from");
                if (from != null) {
                    df.stage(from).ifPresent(s -> out.add(s.index()));
                }
            }
        }
        return out;
    }
}
