package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image a plain {@code docker build} produces runs as root: the final stage, together with the stages it
 * builds on, sets no USER, or its last USER is root. Hadolint's DL3002 checks the last USER of every stage;
 * this is about the shipped image only, and also counts a missing USER, as Dockle's CIS-DI-0001 and Trivy's DS002
 * do. Like Dockle, scratch-based images are reported too: a static binary runs as uid 0 all the same, and a
 * numeric USER needs no /etc/passwd. A base image whose tag says {@code nonroot} (distroless) sets its own user.
 * A scratch-based final image without RUN, CMD or ENTRYPOINT is data only (build artefacts, static files, a
 * {@code COPY --from} source): no process of it runs by default, so it is not reported; one with an ENTRYPOINT
 * and no RUN (a static binary) is.
 */
final class DD0009 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0009", Severity.WARNING,
            "Run the final image as a non-root user",
            "Without a USER the container's process runs as root (uid 0). Any code execution flaw then has root "
                    + "inside the container: it can change every file of the image, and one kernel or runtime bug "
                    + "away it has root on the host. Orchestrators that enforce `runAsNonRoot` refuse to start it.",
            "Create an unprivileged user (or use a numeric id) and end the final stage with `USER 10001:10001`; "
                    + "keep root only for the build steps that need it.",
            List.of("DS002", "CKV_DOCKER_3", "CIS-DI-0001"),
            "FROM node:20-bookworm-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
            "FROM node:20-bookworm-slim\nCOPY . /app\nUSER node\nCMD [\"node\", \"/app/server.js\"]\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Dockerfile df = ctx.dockerfile();
        Optional<Stage> last = df.finalStage();
        if (last.isEmpty()) {
            return;
        }
        Deque<Stage> chain = new ArrayDeque<>();
        for (Stage s = last.get(); s != null; s = s.buildsOnStage() && s.parentStage() < s.index()
                ? df.stages().get(s.parentStage()) : null) {
            chain.push(s);
        }
        Instruction user = null;
        for (Stage s : chain) {
            for (Instruction i : s.instructions()) {
                if (i.is("USER") && !i.args().isEmpty()) {
                    user = i;
                }
            }
        }
        Stage root = chain.peek();
        if (windows(ctx, last.get(), root)) {
            return; // ContainerAdministrator vs ContainerUser is another model; Dockle does not check it either
        }
        if (root.isScratch() && chain.stream().flatMap(s -> s.instructions().stream())
                .noneMatch(i -> i.is("RUN") || i.is("CMD") || i.is("ENTRYPOINT"))) {
            return; // a data-only image: it names no program to run, so no process ever runs as its user
        }
        if (user != null && DL3002.isRoot(user.args().get(0).text())) {
            out.report(user, user.args().get(0).position(), "the final image runs as root: its last USER is `"
                    + user.args().get(0).text() + "`; end with an unprivileged USER");
        } else if (user == null && !root.imageExpanded().toLowerCase(Locale.ROOT).contains("nonroot")) {
            out.report(last.get().from(), root.isScratch()
                    ? "the final image sets no USER, so it runs as root (uid 0); add `USER 65532:65532` (a numeric "
                            + "id needs no /etc/passwd)"
                    : "the final image sets no USER, so it runs as root unless base image `" + root.image()
                            + "` sets one; add an unprivileged USER");
        }
    }

    /** A Windows image: a Windows base ({@code mcr.microsoft.com/windows/servercore}) or a non-POSIX SHELL. */
    private static boolean windows(LintContext ctx, Stage last, Stage root) {
        String image = root.imageExpanded() == null ? "" : root.imageExpanded().toLowerCase(Locale.ROOT);
        boolean windowsBase = image.contains("windows/") || image.contains("nanoserver")
                || image.contains("servercore");
        List<Instruction> body = last.instructions();
        return windowsBase || !body.isEmpty() && !ctx.posixShell(body.get(body.size() - 1))
                || body.stream().anyMatch(i -> i.is("SHELL") && DL4006.nonPosix(i.argTexts()));
    }
}
