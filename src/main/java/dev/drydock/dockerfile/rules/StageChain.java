package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A stage and the stages of the same Dockerfile it builds on ({@code FROM base AS app} → app, base, …): what a
 * stage inherits (WORKDIR, labels, HEALTHCHECK) is whatever one of them set.
 */
final class StageChain {

    private StageChain() {
    }

    /** The stage itself, then its parent stage, grandparent…, stopping at an external base image. */
    static List<Stage> of(Dockerfile df, Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s = stage; s != null && out.size() <= df.stages().size(); ) {
            out.add(s);
            int parent = s.parentStage();
            s = parent >= 0 && parent < s.index() ? df.stages().get(parent) : null;
        }
        return out;
    }

    /** Whether the stage or a stage it builds on has an instruction matching {@code p} (ONBUILD included). */
    static boolean anyInChain(Dockerfile df, Stage stage, Predicate<Instruction> p) {
        return of(df, stage).stream().flatMap(s -> s.instructions().stream()).anyMatch(p);
    }

    /** Indices of the final stage and every stage it builds on: the stages whose layers end up in the image. */
    static Set<Integer> finalImage(Dockerfile df) {
        Set<Integer> out = new HashSet<>();
        df.finalStage().ifPresent(s -> of(df, s).forEach(x -> out.add(x.index())));
        return out;
    }
}
