package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/** What drydock knows about Alpine's {@code apk} command line (apk(8)). */
final class ApkCommand {

    /**
     * Options that take a separate value. {@code -t}/{@code --virtual} names a virtual package, which is not a
     * package to pin; {@code -X}/{@code --repository} names a repository.
     */
    static final Set<String> FLAGS_WITH_VALUE = Set.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
            "--arch", "--cache-dir", "--keys-dir", "--repositories-file", "--cache-max-age", "--progress-fd",
            "--timeout");

    private ApkCommand() {
    }

    /** {@code apk <subcommand>}. */
    static boolean is(ShellCommand c, String subcommand) {
        if (!c.is("apk")) {
            return false;
        }
        List<String> ops = c.operands(FLAGS_WITH_VALUE);
        return !ops.isEmpty() && ops.get(0).equals(subcommand);
    }

    /** The operands after the subcommand: packages, for {@code add}. */
    static List<String> packages(ShellCommand c) {
        List<String> ops = c.operands(FLAGS_WITH_VALUE);
        return ops.isEmpty() ? List.of() : ops.subList(1, ops.size());
    }
}
