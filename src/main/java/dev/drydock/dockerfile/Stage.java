package dev.drydock.dockerfile;

import java.util.List;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index        0-based stage index
 * @param name         the {@code AS name} alias (lower-case, as BuildKit treats it), or {@code null}
 * @param from         the FROM instruction
 * @param image        the base image as written ({@code python:${PY}-slim}); may name an earlier stage
 * @param imageExpanded the base image with global ARG defaults substituted
 * @param platform     the {@code --platform} value, or {@code null}
 * @param instructions the stage's instructions after FROM, in order
 * @param parentStage  index of the earlier stage this one builds on ({@code FROM build}), or {@code -1}
 */
public record Stage(int index, String name, Instruction from, String image, String imageExpanded, String platform,
                    List<Instruction> instructions, int parentStage) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** True when FROM names {@code scratch}. */
    public boolean isScratch() {
        return "scratch".equalsIgnoreCase(imageExpanded);
    }

    /** True when the base is another stage of the same Dockerfile. */
    public boolean buildsOnStage() {
        return parentStage >= 0;
    }

    /** Name if it has one, else its index, the way {@code --from} may refer to it. */
    public String label() {
        return name != null ? name : Integer.toString(index);
    }
}
