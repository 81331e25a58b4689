package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.Word;
import java.util.List;

/**
 * COPY to a relative destination while no WORKDIR is set in the stage or a stage it builds on (Hadolint DL3045).
 * A destination that is absolute (also {@code C:\} / {@code C:/}) or starts with a variable is fine. An ONBUILD
 * COPY runs in the child image, after every WORKDIR of this stage, so any WORKDIR of the stage counts for it.
 */
final class DL3045 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3045", Severity.WARNING,
            "COPY to a relative destination without WORKDIR set",
            "A relative COPY destination is resolved against the working directory inherited from the base image, "
                    + "which you do not control: `/` for most images, something else for others, and it can change "
                    + "with a new base image version. Files then land in an unexpected place and the CMD does not "
                    + "find them.",
            "Set `WORKDIR /app` before the COPY, or copy to an absolute path.",
            List.of(),
            "FROM node:20.11-bookworm-slim\nCOPY package.json package-lock.json ./\n",
            "FROM node:20.11-bookworm-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Dockerfile df = ctx.dockerfile();
        for (Stage stage : df.stages()) {
            boolean inherited = StageChain.of(df, stage).stream().skip(1)
                    .flatMap(s -> s.instructions().stream()).anyMatch(DL3045::setsWorkdir);
            boolean workdir = inherited;
            boolean anyInStage = inherited || stage.instructions().stream().anyMatch(DL3045::setsWorkdir);
            for (Instruction i : stage.instructions()) {
                workdir |= i.is("WORKDIR");
                Instruction copy = i.is("ONBUILD") ? i.onbuild() : i;
                boolean set = i.is("ONBUILD") ? anyInStage : workdir;
                if (copy != null && copy.is("COPY") && !set && copy.args().size() >= 2) {
                    Word dest = copy.args().get(copy.args().size() - 1);
                    if (isRelative(dest.text()) && isRelative(dest.raw())) {
                        out.report(i, dest.position(), "`COPY` to a relative destination without `WORKDIR` set: `"
                                + dest.text() + "` lands wherever the base image's working directory is.");
                    }
                }
            }
        }
    }

    private static boolean setsWorkdir(Instruction i) {
        return i.is("WORKDIR") || i.is("ONBUILD") && i.onbuild() != null && i.onbuild().is("WORKDIR");
    }

    static boolean isRelative(String dest) {
        String d = dest.replaceAll("^[\"']+|[\"']+$", "");
        boolean windowsAbsolute = d.length() >= 3 && d.charAt(1) == ':' && (d.charAt(2) == '\\' || d.charAt(2) == '/');
        return !(d.startsWith("/") || d.startsWith("\\") || windowsAbsolute || d.startsWith("$"));
    }
}
