package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;

/**
 * Both wget and curl used in one stage (Hadolint DL4001): every RUN that uses one of them once the stage has used
 * both is reported. ONBUILD triggers are folded separately, as Hadolint does. Commands in a child shell
 * ({@code su nobody -c "curl …"}, {@code sh -c '…'}) count like any other: the tool is in the image and used all the
 * same. Hadolint misses those only because ShellCheck leaves the quoted script unparsed.
 */
final class DL4001 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL4001", Severity.WARNING,
            "Either use wget or curl but not both",
            "Two download tools do the same job: both end up in the image, adding size and attack surface, and "
                    + "they differ in how they follow redirects, retry and report HTTP errors, so downloads in one "
                    + "Dockerfile behave inconsistently.",
            "Pick one tool for the whole stage (curl with `-fsSL`, or wget with `-q`), and remove the other.",
            List.of("DS014"),
            "RUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n",
            "RUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Set<String> used = new TreeSet<>();
            Set<String> usedOnBuild = new TreeSet<>();
            for (Instruction i : s.instructions()) {
                if (i.is("RUN")) {
                    check(i, i, ctx, used, out);
                } else if (i.onbuild() != null && i.onbuild().is("RUN")) {
                    check(i, i.onbuild(), ctx, usedOnBuild, out);
                }
            }
        }
    }

    private static void check(Instruction at, Instruction run, LintContext ctx, Set<String> used, Violations out) {
        if (!ctx.posixShell(run)) {
            return;
        }
        Set<String> here = new TreeSet<>();
        ctx.shell(run).commands("curl", "wget").forEach(c -> here.add(c.name()));
        used.addAll(here);
        if (!here.isEmpty() && used.size() >= 2) {
            out.report(at, "Either use Wget or Curl but not both: this stage uses both, here "
                    + String.join(" and ", here));
        }
    }
}
