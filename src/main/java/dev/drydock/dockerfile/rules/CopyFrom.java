package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.Optional;

/** The {@code --from} of a COPY: a stage name, a stage index, or an image reference. */
final class CopyFrom {

    private CopyFrom() {
    }

    /** The value with variables expanded; empty for no {@code --from} or a value that stays unknown. */
    static Optional<String> value(Instruction i) {
        if (!i.is("COPY")) {
            return Optional.empty();
        }
        return i.flag("from").map(f -> f.value() == null ? "" : f.value())
                .map(v -> v.contains("$") ? i.expand(v) : v)
                .filter(v -> !v.isBlank() && !v.contains("$"));
    }

    /** {@code nginx:1.25}, {@code ghcr.io/org/tool}, {@code img@sha256:…}: not a stage name. */
    static boolean isImage(String from) {
        return from.contains(":") || from.contains("/") || from.contains("@");
    }
}
