package dev.drydock.dockerfile.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One simple command: {@code FOO=bar apt-get install -y curl > /dev/null}.
 *
 * @param words       the command name and its arguments ({@code words.get(0)} is the name as written)
 * @param assignments leading {@code NAME=value} assignments
 * @param redirects   redirections
 * @param offset      offset of the command's first character in the script
 * @param wrapper     for a command run through a wrapper ({@code sudo apt-get}, {@code env X=1 pip},
 *                    {@code xargs rm}, {@code nohup}, {@code time}, {@code exec}, {@code command}), the wrapper
 *                    command; otherwise {@code null}
 */
public record ShellCommand(List<ShellWord> words, Map<String, String> assignments, List<Redirect> redirects,
                           int offset, ShellCommand wrapper) {

    /** The command name without its directory ({@code /usr/bin/apt-get} → {@code apt-get}); "" if none. */
    public String name() {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /** True when {@link #name()} is one of these. */
    public boolean is(String... names) {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /** The arguments after the name, as texts. */
    public List<String> args() {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /**
     * Whether any of these flags is present. A short flag {@code -y} also matches inside a cluster {@code -qy};
     * a long flag {@code --yes} also matches {@code --yes=value}. Stops at {@code --}.
     */
    public boolean hasFlag(String... flags) {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /**
     * The value of an option: {@code -o FILE}, {@code -oFILE}, {@code --output FILE}, {@code --output=FILE}.
     */
    public Optional<String> flagValue(String... flags) {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /**
     * The operands: arguments that are not flags and not the value of a flag in {@code flagsWithValue}
     * (e.g. {@code Set.of("-o", "--output")}). Everything after {@code --} is an operand.
     */
    public List<String> operands(Set<String> flagsWithValue) {
        throw new UnsupportedOperationException("implemented by the shell work");
    }

    /** {@code operands(Set.of())}. */
    public List<String> operands() {
        return operands(Set.of());
    }

    /** The first operand, e.g. {@code install} in {@code apt-get -y install curl}. */
    public Optional<String> subcommand() {
        List<String> ops = operands();
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0));
    }
}
