package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An OS package manager command that installs or removes packages: apt-get/apt/aptitude, apk, yum/dnf/microdnf/tdnf,
 * zypper. Package names are given without version or architecture ({@code gcc=4:12.2.0-3} → {@code gcc}).
 *
 * @param manager  the command name
 * @param install  true for install/add, false for remove/purge/del/erase/autoremove
 * @param packages package names in the order given (for apk del: names or virtual package names)
 * @param virtual  apk's {@code --virtual}/{@code -t} group name, or null
 * @param all      a removal that takes away every automatically installed package ({@code autoremove},
 *                 {@code purge --auto-remove})
 */
record PackageCommand(String manager, boolean install, List<String> packages, String virtual, boolean all) {

    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> RPM = Set.of("yum", "dnf", "microdnf", "tdnf");
    private static final Set<String> VALUE_FLAGS = Set.of("-o", "--option", "-t", "--target-release", "-c",
            "--config-file", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--installroot",
            "--releasever", "-x", "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid", "-r",
            "--type", "--setopt", "--config");

    /** The install or removal this command performs, if it is one. */
    static Optional<PackageCommand> of(ShellCommand c) {
        String name = c.name();
        List<String> ops = c.operands(VALUE_FLAGS);
        if (ops.isEmpty() || !(APT.contains(name) || RPM.contains(name) || name.equals("apk")
                || name.equals("zypper"))) {
            return Optional.empty();
        }
        String sub = ops.get(0);
        List<String> pkgs = ops.subList(1, ops.size()).stream().map(PackageCommand::bareName).toList();
        boolean install = switch (sub) {
            case "install", "in" -> !name.equals("apk");
            case "add" -> name.equals("apk");
            default -> false;
        };
        if (install) {
            String virtual = name.equals("apk") ? c.flagValue("-t", "--virtual").orElse(null) : null;
            return Optional.of(new PackageCommand(name, true, pkgs, virtual, false));
        }
        return switch (sub) {
            case "remove", "purge", "del", "erase", "rm" -> Optional.of(new PackageCommand(name, false, pkgs, null,
                    c.hasFlag("--auto-remove", "--autoremove")));
            case "autoremove" -> Optional.of(new PackageCommand(name, false, pkgs, null, true));
            default -> Optional.empty();
        };
    }

    /** {@code gcc=4:12.2.0-3}, {@code gcc~12}, {@code gcc>=12}, {@code gcc:amd64} → {@code gcc}. */
    static String bareName(String pkg) {
        String p = pkg;
        for (char ch : new char[] {'=', '~', '<', '>', ':'}) {
            int k = p.indexOf(ch);
            if (k > 0) {
                p = p.substring(0, k);
            }
        }
        return p.toLowerCase(Locale.ROOT);
    }
}
