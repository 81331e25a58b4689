package dev.drydock.dockerfile.shell;

import java.util.ArrayList;
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
 * @param childShellOf for a command in a script that this script hands to another shell process as a string or
 *                    here-document ({@code sh -c '…'}, {@code bash -euxo pipefail -c "…"}, {@code su app -c '…'},
 *                    {@code runuser app -c '…'}, {@code bash <<EOF}), the command that starts that shell (the
 *                    innermost one when nested); {@code null} for the script's own commands, including those in
 *                    subshells, compound commands and command substitutions, which are written in the script
 *                    itself. Such a shell has its own state: its {@code cd}, {@code set} or {@code export} do not
 *                    change the script that started it, but the programs it runs are used all the same.
 */
public record ShellCommand(List<ShellWord> words, Map<String, String> assignments, List<Redirect> redirects,
                           int offset, ShellCommand wrapper, ShellCommand childShellOf) {

    /** Whether another shell, started by this script, runs this command (see {@link #childShellOf()}). */
    public boolean inChildShell() {
        return childShellOf != null;
    }

    /** The command name without its directory ({@code /usr/bin/apt-get} → {@code apt-get}); "" if none. */
    public String name() {
        if (words.isEmpty()) {
            return "";
        }
        String first = words.get(0).text();
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** True when {@link #name()} is one of these. */
    public boolean is(String... names) {
        String name = name();
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The arguments after the name, as texts. */
    public List<String> args() {
        return words.stream().skip(1).map(ShellWord::text).toList();
    }

    /**
     * Whether any of these flags is present. A short flag {@code -y} also matches inside a cluster {@code -qy};
     * a long flag {@code --yes} also matches {@code --yes=value}. Stops at {@code --}.
     */
    public boolean hasFlag(String... flags) {
        for (String arg : args()) {
            if (arg.equals("--")) {
                return false;
            }
            for (String flag : flags) {
                if (matchesFlag(arg, flag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The value of an option: {@code -o FILE}, {@code -oFILE}, {@code --output FILE}, {@code --output=FILE}.
     * A single-letter flag that ends a cluster takes the next word ({@code tar -xzf FILE}, {@code curl -fsSLo FILE}).
     * The first occurrence wins; stops at {@code --}.
     */
    public Optional<String> flagValue(String... flags) {
        List<String> args = args();
        for (int k = 0; k < args.size(); k++) {
            String arg = args.get(k);
            if (arg.equals("--")) {
                break;
            }
            String next = k + 1 < args.size() ? args.get(k + 1) : null;
            for (String flag : flags) {
                if (arg.equals(flag)) {
                    if (next != null) {
                        return Optional.of(next);
                    }
                } else if (!isShort(flag) && arg.startsWith(flag + "=")) {
                    return Optional.of(arg.substring(flag.length() + 1));
                } else if (isShort(flag) && isCluster(arg)) {
                    // -oFILE, -xzf FILE, -qO- and -fsSLo/tmp/x: the flag's letter, after other option letters,
                    // takes the rest of the word, or the next word when it ends the cluster
                    int j = 1;
                    while (j < arg.length() && arg.charAt(j) != flag.charAt(1) && Character.isLetter(arg.charAt(j))) {
                        j++;
                    }
                    if (j < arg.length() && arg.charAt(j) == flag.charAt(1)) {
                        if (j < arg.length() - 1) {
                            return Optional.of(arg.substring(j + 1));
                        }
                        if (next != null) {
                            return Optional.of(next);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The operands: arguments that are not flags and not the value of a flag in {@code flagsWithValue}
     * (e.g. {@code Set.of("-o", "--output")}). Everything after {@code --} is an operand.
     */
    public List<String> operands(Set<String> flagsWithValue) {
        List<String> args = args();
        List<String> out = new ArrayList<>();
        boolean onlyOperands = false;
        for (int k = 0; k < args.size(); k++) {
            String arg = args.get(k);
            if (onlyOperands || arg.equals("-") || !arg.startsWith("-")) {
                out.add(arg);
            } else if (arg.equals("--")) {
                onlyOperands = true;
            } else if (takesNextWord(arg, flagsWithValue)) {
                k++;
            }
        }
        return out;
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

    /** The command's words joined by single spaces, after quote removal: {@code apt-get install -y curl}. */
    public String text() {
        return String.join(" ", words.stream().map(ShellWord::text).toList());
    }

    /**
     * Whether this is the stand-in for a compound command in {@link Pipeline#commands()}: a subshell, brace
     * group, {@code if}, loop, {@code case}, {@code [[ … ]]}, {@code (( … ))} or function definition, whose single
     * word is its opening keyword ({@code (}, {@code {}, {@code if}, {@code for}, {@code while}, {@code until},
     * {@code select}, {@code case}, {@code [[}, {@code ((}, {@code function}). Such stand-ins never appear in
     * {@link ShellScript#commands()}; the commands inside them do.
     */
    public boolean isCompound() {
        return wrapper == null && assignments.isEmpty() && !words.isEmpty() && !words.get(0).quoted()
                && COMPOUND_KEYWORDS.contains(words.get(0).raw());
    }

    private static final Set<String> COMPOUND_KEYWORDS =
            Set.of("(", "{", "if", "for", "select", "while", "until", "case", "[[", "((", "function");

    /** {@code -x}: one dash, one letter. */
    private static boolean isShort(String flag) {
        return flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
    }

    /** {@code -qy}: one dash, then option letters. */
    private static boolean isCluster(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-';
    }

    private static boolean matchesFlag(String arg, String flag) {
        if (arg.equals(flag)) {
            return true;
        }
        if (isShort(flag)) {
            return isCluster(arg) && arg.indexOf(flag.charAt(1), 1) > 0;
        }
        return flag.startsWith("-") && arg.startsWith(flag + "=");
    }

    /** Whether the option {@code arg} consumes the next word: {@code -o FILE}, {@code -xzf FILE}, {@code --output FILE}. */
    private static boolean takesNextWord(String arg, Set<String> flagsWithValue) {
        if (flagsWithValue.contains(arg)) {
            return true;
        }
        if (isCluster(arg) && arg.length() > 2) {
            return flagsWithValue.contains("-" + arg.charAt(arg.length() - 1))
                    && !flagsWithValue.contains("-" + arg.charAt(1));
        }
        return false;
    }
}
