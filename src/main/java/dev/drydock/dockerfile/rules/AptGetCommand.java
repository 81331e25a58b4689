package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What drydock knows about {@code apt-get}'s command line (apt-get(8)). */
final class AptGetCommand {

    /** Options that take a separate value, so the value is not mistaken for the subcommand or a package. */
    static final Set<String> FLAGS_WITH_VALUE = Set.of("-o", "--option", "-t", "--target-release",
            "--default-release", "-c", "--config-file", "-a", "--host-architecture");

    private AptGetCommand() {
    }

    /** {@code apt-get <subcommand>}, the subcommand being one of these. */
    static boolean is(ShellCommand c, String... subcommands) {
        return c.is("apt-get") && subcommandIn(c, subcommands);
    }

    /** {@code apt-get <subcommand>} or its interactive front end {@code apt <subcommand>}. */
    static boolean isAptOrAptGet(ShellCommand c, String... subcommands) {
        return c.is("apt-get", "apt") && subcommandIn(c, subcommands);
    }

    private static boolean subcommandIn(ShellCommand c, String... subcommands) {
        List<String> ops = c.operands(FLAGS_WITH_VALUE);
        return !ops.isEmpty() && List.of(subcommands).contains(ops.get(0));
    }

    /** The operands after the subcommand: packages, for {@code install}. */
    static List<String> packages(ShellCommand c) {
        List<String> ops = c.operands(FLAGS_WITH_VALUE);
        return ops.isEmpty() ? List.of() : ops.subList(1, ops.size());
    }

    /**
     * How quiet apt-get is told to be: each {@code -q} / {@code --quiet} counts one, {@code -qq} two,
     * {@code -q=2} / {@code --quiet=2} set the level. Level 2 implies {@code --assume-yes} (apt-get(8)).
     */
    static int quietLevel(ShellCommand c) {
        int level = 0;
        for (String a : c.args()) {
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--quiet")) {
                level = a.startsWith("--quiet=") ? parseLevel(a.substring(8), level) : level + 1;
            } else if (a.startsWith("-q=")) {
                level = parseLevel(a.substring(3), level);
            } else if (a.startsWith("-") && !a.startsWith("--") && a.matches("-[A-Za-z]+")) {
                level += (int) a.chars().filter(ch -> ch == 'q').count();
            }
        }
        return level;
    }

    /** Whether an {@code -o Key=value} option sets {@code key} to a false value ({@code false}, {@code 0}, {@code no}). */
    static boolean optionIsFalse(ShellCommand c, String key) {
        String prefix = key.toLowerCase(Locale.ROOT) + "=";
        for (String a : c.args()) {
            String v = a.toLowerCase(Locale.ROOT);
            int at = v.indexOf(prefix);
            if (at >= 0 && (at == 0 || v.startsWith("-o") || v.startsWith("--option="))) {
                String value = v.substring(at + prefix.length()).replace("\"", "").replace("'", "");
                if (value.equals("false") || value.equals("0") || value.equals("no")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int parseLevel(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
