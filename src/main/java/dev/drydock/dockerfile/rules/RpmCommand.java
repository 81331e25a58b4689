package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What drydock knows about the command lines of the RPM-based package managers: {@code yum} (yum(8)),
 * {@code dnf} and {@code microdnf} (dnf(8), microdnf(8)), and {@code zypper} (zypper(8)).
 *
 * <p>The subcommand is the first operand after the global options ({@code yum -y --setopt=tsflags=nodocs install}),
 * so option values written as a separate word ({@code --enablerepo epel}) are skipped. An install is {@code install},
 * {@code groupinstall}, {@code localinstall}, or the two-word {@code module install} / {@code group install}, the
 * forms Hadolint's DL3030/DL3038 know ({@code zypper}: {@code install} / {@code in}).
 */
final class RpmCommand {

    static final Set<String> YUM = Set.of("yum");
    static final Set<String> DNF = Set.of("dnf", "microdnf");
    static final Set<String> ZYPPER = Set.of("zypper");

    /** yum/dnf/microdnf options that take their value as the next word. */
    private static final Set<String> YUM_FLAGS_WITH_VALUE = Set.of("-c", "--config", "--installroot", "--releasever",
            "-x", "--exclude", "--excludepkgs", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt",
            "-d", "--debuglevel", "-e", "--errorlevel", "-R", "--randomwait", "--forcearch", "--rpmverbosity",
            "--color", "--destdir", "--downloaddir", "--comment", "--advisory", "--advisories", "--bz", "--cve",
            "--sec-severity", "--secseverity", "--repofrompath", "--disableplugin", "--enableplugin", "--platform-id");
    /** zypper global and install options that take their value as the next word. */
    private static final Set<String> ZYPPER_FLAGS_WITH_VALUE = Set.of("-R", "--root", "-c", "--config",
            "--reposd-dir", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "-p",
            "--plus-repo", "--plus-content", "-r", "--repo", "--from", "-t", "--type", "--download");
    private static final Set<String> INSTALLS = Set.of("install", "groupinstall", "localinstall");
    private static final Set<String> TWO_WORD_INSTALLS = Set.of("module", "group", "groups");

    private RpmCommand() {
    }

    /** Whether {@code c} is one of these tools ({@link #YUM}, {@link #DNF}, {@link #ZYPPER}). */
    static boolean is(ShellCommand c, Set<String> tools) {
        return tools.contains(c.name());
    }

    /** The operands: subcommand first, then its operands (packages, for installs). */
    static List<String> operands(ShellCommand c) {
        return c.operands(ZYPPER.contains(c.name()) ? ZYPPER_FLAGS_WITH_VALUE : YUM_FLAGS_WITH_VALUE);
    }

    /** The subcommand ({@code install}, {@code clean}), if any. */
    static Optional<String> subcommand(ShellCommand c) {
        List<String> ops = operands(c);
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0));
    }

    /** Whether the subcommand is one of these. */
    static boolean runs(ShellCommand c, Set<String> tools, String... subcommands) {
        return is(c, tools) && subcommand(c).map(s -> List.of(subcommands).contains(s)).orElse(false);
    }

    /**
     * An install: {@code install}, {@code groupinstall}, {@code localinstall}, {@code module install},
     * {@code group install} for yum/dnf/microdnf; {@code install} or {@code in} for zypper.
     */
    static boolean installs(ShellCommand c, Set<String> tools) {
        if (!is(c, tools)) {
            return false;
        }
        List<String> ops = operands(c);
        if (ops.isEmpty()) {
            return false;
        }
        if (ZYPPER.contains(c.name())) {
            return ops.get(0).equals("install") || ops.get(0).equals("in");
        }
        return INSTALLS.contains(ops.get(0))
                || TWO_WORD_INSTALLS.contains(ops.get(0)) && ops.size() > 1 && ops.get(1).equals("install");
    }

    /** {@code yum module install} / {@code dnf module install}: operands are module specs ({@code nodejs:18}). */
    static boolean installsModules(ShellCommand c) {
        List<String> ops = operands(c);
        return ops.size() > 1 && ops.get(0).equals("module") && ops.get(1).equals("install");
    }

    /**
     * The packages (or module specs, group names) an install names: the operands after {@code install} (after
     * {@code module install} for modules). Empty for anything else.
     */
    static List<String> packages(ShellCommand c) {
        List<String> ops = operands(c);
        int from = TWO_WORD_INSTALLS.contains(ops.isEmpty() ? "" : ops.get(0)) ? 2 : 1;
        return ops.size() > from ? ops.subList(from, ops.size()) : List.of();
    }

    /** yum/dnf's {@code -y} / {@code --assumeyes} (also inside a cluster such as {@code -qy}). */
    static boolean assumesYes(ShellCommand c) {
        return c.hasFlag("-y", "--assumeyes")
                || c.args().stream().anyMatch(a -> a.matches("--setopt=assumeyes=(1|[Tt]rue|[Yy]es)"));
    }

    /**
     * The last install in {@code commands} that no cleanup follows, if any. A cleanup before the install does not
     * help: the install fills the cache again.
     */
    static Optional<ShellCommand> installNotCleanedUp(List<ShellCommand> commands, Predicate<ShellCommand> install,
                                                      Predicate<ShellCommand> cleanup) {
        ShellCommand pending = null;
        for (ShellCommand c : commands) {
            if (install.test(c)) {
                pending = c;
            } else if (cleanup.test(c)) {
                pending = null;
            }
        }
        return Optional.ofNullable(pending);
    }

    /** {@code rm} of a directory at or below one of these ({@code rm -rf /var/cache/yum/*}). */
    static boolean removes(ShellCommand c, String... dirs) {
        return c.is("rm") && c.operands().stream().anyMatch(o -> List.of(dirs).stream().anyMatch(o::startsWith));
    }
}
