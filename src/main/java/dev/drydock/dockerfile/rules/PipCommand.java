package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.regex.Pattern;

/** pip run as {@code pip}, {@code pip3}, {@code pip3.12} or {@code python3 -m pip}. */
final class PipCommand {

    private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

    private PipCommand() {
    }

    static boolean is(ShellCommand c) {
        return PIP.matcher(c.name()).matches() || moduleIndex(c) >= 0;
    }

    /** pip's own arguments: after {@code pip}, or after {@code -m pip} for {@code python -m pip}. */
    static List<String> args(ShellCommand c) {
        int m = moduleIndex(c);
        List<String> args = c.args();
        return m >= 0 ? args.subList(m + 2, args.size()) : args;
    }

    /** Whether pip's first operand is {@code install}. */
    static boolean installs(ShellCommand c) {
        return is(c) && args(c).stream().filter(a -> !a.startsWith("-")).findFirst().orElse("").equals("install");
    }

    private static int moduleIndex(ShellCommand c) {
        if (!PYTHON.matcher(c.name()).matches()) {
            return -1;
        }
        List<String> args = c.args();
        for (int k = 0; k + 1 < args.size(); k++) {
            if (args.get(k).equals("-m")) {
                return PIP.matcher(args.get(k + 1)).matches() ? k : -1;
            }
        }
        return -1;
    }
}
