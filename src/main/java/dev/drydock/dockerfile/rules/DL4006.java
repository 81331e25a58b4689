package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A RUN with a pipe while the stage's shell lacks {@code -o pipefail} (Hadolint DL4006). As in Hadolint, only a
 * SHELL of bash, zsh or ash (by base name) with {@code -o pipefail} counts, a non-POSIX SHELL (pwsh, powershell,
 * cmd) turns the check off, every FROM resets it, and a {@code set -o pipefail} inside the RUN does not count
 * (under Debian's dash it is not portable).
 */
final class DL4006 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL4006", Severity.WARNING,
            "Set the SHELL option -o pipefail before RUN with a pipe in it",
            "A pipeline's exit status is that of its last command, so `RUN wget -O - https://… | tar xz` succeeds "
                    + "even when the download fails, and the build goes on with a broken or empty result. With "
                    + "`-o pipefail` the RUN fails as it should.",
            "Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN (on Alpine or busybox "
                    + "images, `SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]`).",
            List.of("DS032"),
            "RUN wget -O - https://example.com/install.tar.gz | tar xz -C /opt\n",
            "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                    + "RUN wget -O - https://example.com/install.tar.gz | tar xz -C /opt\n",
            false);

    private static final Set<String> PIPEFAIL_SHELLS = Set.of("bash", "zsh", "ash");
    private static final List<String> NON_POSIX = List.of("pwsh", "powershell", "cmd");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            boolean pipefail = false;
            for (Instruction i : s.instructions()) {
                if (i.is("SHELL")) {
                    pipefail = nonPosix(i.argTexts()) || hasPipefail(i.argTexts());
                } else if (i.is("RUN") && !pipefail && ctx.posixShell(i)
                        && ShellPipelines.anyPipe(i, false)) {
                    out.report(i, "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using "
                            + "/bin/sh in an alpine image or if your shell is symlinked to busybox then consider "
                            + "explicitly setting your SHELL to /bin/ash, or disable this check");
                }
            }
        }
    }

    static boolean nonPosix(List<String> shell) {
        String joined = String.join(" ", shell).strip().toLowerCase(Locale.ROOT);
        return NON_POSIX.stream().anyMatch(joined::startsWith);
    }

    /** {@code ["/bin/bash", "-eo", "pipefail", "-c"]}: a pipefail-capable shell with {@code -o pipefail}. */
    static boolean hasPipefail(List<String> shell) {
        if (shell.isEmpty()) {
            return false;
        }
        String name = shell.get(0).substring(shell.get(0).lastIndexOf('/') + 1);
        List<String> args = shell.subList(1, shell.size());
        boolean optionO = args.stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--") && a.indexOf('o') > 0);
        return PIPEFAIL_SHELLS.contains(name) && optionO && args.contains("pipefail");
    }
}
