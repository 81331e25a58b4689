package dev.drydock.dockerfile.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    /**
     * Parses shell text (a RUN line, a heredoc body). Never throws; see {@link ShellParser} for what is understood.
     */
    public static ShellScript parse(String script) {
        return parse(script, false);
    }

    /**
     * Parses the joined arguments of an exec-form instruction ({@code RUN ["/bin/sh", "-c", "cd /app && npm ci"]}).
     * The program they name is the instruction's own process, so the script a shell among them runs with
     * {@code -c} is the instruction's own script, as it is for the shell form: its commands are not
     * {@link ShellCommand#inChildShell() in a child shell}.
     */
    public static ShellScript parseExecForm(String argv) {
        return parse(argv, true);
    }

    private static ShellScript parse(String script, boolean execForm) {
        List<ShellCommand> commands = new ArrayList<>();
        List<Pipeline> pipelines;
        try {
            pipelines = ShellParser.parse(script == null ? "" : script, 0, true, 0, commands, execForm);
        } catch (RuntimeException | StackOverflowError e) {
            // The parser is written not to fail; should it still, a rule sees fewer commands, never an error.
            pipelines = List.of();
        }
        commands.sort(Comparator.comparingInt(ShellCommand::offset)); // stable: wrapper before wrapped
        return new ShellScript(List.copyOf(pipelines), List.copyOf(commands));
    }

    /** Commands with one of these names. */
    public List<ShellCommand> commands(String... names) {
        return commands.stream().filter(c -> c.is(names)).toList();
    }

    public boolean any(Predicate<ShellCommand> p) {
        return commands.stream().anyMatch(p);
    }

    /** The command run through this wrapper ({@code npm} for {@code sudo -u app npm install}), if any. */
    public Optional<ShellCommand> wrappedBy(ShellCommand wrapper) {
        return commands.stream().filter(c -> c.wrapper() == wrapper).findFirst();
    }

    /**
     * The command that finally runs: follows wrappers down ({@code sudo env X=1 pip install} → {@code pip}).
     * Useful with {@link #pipelines()}, which list commands as written ({@code curl … | sudo sh} → {@code sh}).
     */
    public ShellCommand unwrap(ShellCommand command) {
        ShellCommand current = command;
        for (int k = 0; k < ShellParser.MAX_DEPTH; k++) {
            Optional<ShellCommand> inner = wrappedBy(current);
            if (inner.isEmpty()) {
                break;
            }
            current = inner.get();
        }
        return current;
    }

    /** Whether any top-level pipeline has more than one command ({@code curl … | sh}). */
    public boolean hasPipe() {
        return pipelines.stream().anyMatch(p -> p.commands().size() > 1);
    }
}
