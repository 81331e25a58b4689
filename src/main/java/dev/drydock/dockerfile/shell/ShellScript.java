package dev.drydock.dockerfile.shell;

import java.util.List;
import java.util.function.Predicate;

/**
 * A POSIX shell script as drydock's rules see it: the commands that run, with their words, in order.
 * Parsing never fails: whatever cannot be understood is skipped, so a rule sees fewer commands, never an error.
 *
 * @param pipelines the top-level pipelines in order
 * @param commands  every simple command in order of appearance, including those inside subshells, brace
 *                  groups, {@code if}/{@code for}/{@code while}/{@code case} bodies, command substitutions,
 *                  {@code sh -c '…'} / {@code bash -c "…"} strings, and commands run by wrappers
 *                  ({@code sudo}, {@code env}, {@code xargs}…: both the wrapper and the wrapped command appear)
 */
public record ShellScript(List<Pipeline> pipelines, List<ShellCommand> commands) {

    public static ShellScript parse(String script) {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /** Commands with one of these names. */
    public List<ShellCommand> commands(String... names) {
        return commands.stream().filter(c -> c.is(names)).toList();
    }

    public boolean any(Predicate<ShellCommand> p) {
        return commands.stream().anyMatch(p);
    }
}
