package dev.drydock.dockerfile.shell;

import java.util.List;

/**
 * Commands connected by {@code |}, followed by the list operator that ends the pipeline.
 *
 * @param commands the commands, left to right (nested constructs are flattened into
 *                 {@link ShellScript#commands()}, not here)
 * @param operator what follows: {@code &&}, {@code ||}, {@code ;}, {@code &}, or {@code ""} at the end
 * @param negated  whether it starts with {@code !}
 */
public record Pipeline(List<ShellCommand> commands, String operator, boolean negated) {
}
