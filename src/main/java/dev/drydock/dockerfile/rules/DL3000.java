package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/** WORKDIR must be absolute (Hadolint DL3000). */
final class DL3000 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3000", Severity.ERROR,
            "Use absolute WORKDIR",
            "A relative WORKDIR is resolved against whatever the previous WORKDIR was, which may come from the base "
                    + "image and change when the base image changes. An absolute path says where files land "
                    + "without reading the rest of the build.",
            "Write the full path: `WORKDIR /usr/src/app`. A variable that holds an absolute path is fine.",
            List.of("DS009", "CKV_DOCKER_10"),
            "WORKDIR usr/src/app\n",
            "WORKDIR /usr/src/app\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("WORKDIR") || i.args().isEmpty()) {
            return;
        }
        String dir = i.text().strip().replace("\"", "").replace("'", "");
        if (dir.isEmpty() || dir.startsWith("/") || dir.startsWith("$") || isWindowsAbsolute(dir)) {
            return;
        }
        out.report(i, i.args().get(0).position(), "WORKDIR `" + dir + "` is relative; use an absolute path");
    }

    /** {@code C:\app} or {@code C:/app}: absolute in Windows containers. */
    private static boolean isWindowsAbsolute(String dir) {
        return dir.length() >= 2 && Character.isLetter(dir.charAt(0)) && dir.charAt(1) == ':';
    }
}
