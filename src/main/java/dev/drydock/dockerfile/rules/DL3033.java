package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** Unpinned packages in {@code yum install} / modules in {@code yum module install} (Hadolint DL3033). */
final class DL3033 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3033", Severity.WARNING,
            "Specify version with `yum install -y <package>-<version>`",
            "Without a version, `yum install` takes whatever the mirror has on the day of the build, so two builds "
                    + "of the same Dockerfile can contain different software, and a rebuild can break or pull in "
                    + "an unreviewed change.",
            "Write `yum install -y httpd-2.4.6`, a local or remote `.rpm`, or for modules "
                    + "`yum module install -y nodejs:18`.",
            List.of(),
            "RUN yum install -y httpd && yum clean all\n",
            "RUN yum install -y httpd-2.4.6 && yum clean all\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (RpmCommand.runs(c, RpmCommand.YUM, "install", "module")) {
                reportUnpinned(ctx, i, c, out);
            }
        }
    }

    /**
     * Reports the packages of an {@code install} (or modules of a {@code module install}) without a version; shared
     * with DL3041. Groups ({@code @core}) and words with a variable are skipped.
     */
    static void reportUnpinned(LintContext ctx, Instruction i, ShellCommand c, Violations out) {
        boolean modules = RpmCommand.installsModules(c);
        if (!modules && !RpmCommand.subcommand(c).orElse("").equals("install")) {
            return;
        }
        List<String> unpinned = RpmCommand.packages(c).stream()
                .filter(p -> !p.startsWith("@") && !p.contains("$"))
                .filter(p -> modules ? !p.contains(":") : !isPinned(p)).toList();
        if (!unpinned.isEmpty()) {
            String tool = c.name() + (modules ? " module install" : " install");
            out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                    "`" + tool + "` without version for " + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0)
                            + (modules ? ":<stream>`" : "-<version>`"));
        }
    }

    /**
     * {@code name-version} or an {@code .rpm} file. Hadolint takes any dash for a version, so it misses
     * {@code shadow-utils}; drydock wants a dash followed by a digit ({@code httpd-2.4.6}). A name with a number
     * in it ({@code java-17-openjdk}) still reads as pinned, as in Hadolint.
     */
    static boolean isPinned(String pkg) {
        return pkg.matches(".*-[0-9].*") || pkg.endsWith(".rpm");
    }
}
