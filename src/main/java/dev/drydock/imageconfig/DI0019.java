package dev.drydock.imageconfig;

import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**  */
final class DI0019 extends UnneededTools {

    static final CheckInfo INFO = new CheckInfo("DI0019", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "Debugger or tracer in the final image",
            "gdb, strace and ltrace can attach to the other processes of the container (with CAP_SYS_PTRACE, or as the "
                    + "same user) and read their memory: keys, tokens and the data they handle. Debug in a separate "
                    + "debug image or an ephemeral debug container instead.",
            "Remove debuggers from the production image; use `kubectl debug` with an ephemeral container, or a "
                    + "separate `-debug` tag built from the same stage.",
            List.of("CIS-DI-0003"));

    private static final Pattern NAMES = Pattern.compile("gdb|gdbserver|strace|ltrace|lldb(?:-[0-9]+)?|valgrind");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String kind() {
        return "Debugger";
    }

    @Override
    Pattern names() {
        return NAMES;
    }
}
