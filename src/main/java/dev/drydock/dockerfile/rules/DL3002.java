package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.List;

/**
 * The last USER of a stage should not be root (Hadolint DL3002). Like Hadolint, every stage is checked, not only
 * the final one: a stage may be the {@code --target} that is shipped, or the base of a later stage.
 */
final class DL3002 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3002", Severity.WARNING,
            "Last USER should not be root",
            "The last USER of a stage is the user its containers run as. Switching to root for installation is "
                    + "normal, but leaving it there means a compromised process has root inside the container, "
                    + "one kernel bug away from the host.",
            "Switch back to an unprivileged user after the steps that need root: `USER app` or `USER 10001`.",
            List.of("DS002", "CKV_DOCKER_8"),
            "USER root\nRUN apt-get update\n",
            "USER root\nRUN apt-get update\nUSER 10001\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Instruction last = null;
            for (Instruction i : s.instructions()) {
                if (i.is("USER")) {
                    last = i;
                }
            }
            if (last != null && !last.args().isEmpty() && isRoot(last.args().get(0).text())) {
                out.report(last, last.args().get(0).position(),
                        "last USER of stage " + s.label() + " is `" + last.args().get(0).text() + "` (root)");
            }
        }
    }

    /** {@code root}, {@code 0}, optionally with a group: {@code root:root}, {@code 0:0}. */
    static boolean isRoot(String user) {
        String u = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return u.equals("root") || u.equals("0");
    }
}
