package dev.drydock.imageconfig;

import dev.drydock.image.ImageConfig;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container runs as root: the config's {@code User} is empty, {@code root}, {@code 0} (with any group), or a name
 * that {@code /etc/passwd} maps to uid 0. When the config has no {@code User}, the last {@code USER} step of the
 * history is taken (a config rewritten by a tool can lose the field while the history keeps the step) and the finding
 * says so.
 */
final class DI0001 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0001", Severity.HIGH, CheckInfo.IMAGE_CONFIG,
            "Image runs as root",
            "A process running as root in a container is root on the host's kernel: a container escape, a writable "
                    + "host mount or a kernel bug gives the attacker root on the node. Dockerfiles rarely need root at "
                    + "run time (CIS Docker Benchmark 4.1).",
            "Create an unprivileged user and switch to it at the end of the Dockerfile: "
                    + "`RUN useradd --uid 10001 --no-create-home app` then `USER 10001` (a numeric uid lets Kubernetes "
                    + "`runAsNonRoot` verify it). Distroless images provide `USER nonroot`.",
            List.of("CIS-DI-0001"));

    /** {@code USER x} as docker ({@code #(nop) USER x}), buildah and BuildKit ({@code USER x}) record it. */
    private static final Pattern USER_STEP = Pattern.compile("^(?:/bin/sh -c #\\(nop\\)\\s+)?USER\\s+(\\S+)");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        String user = in.config().user() == null ? "" : in.config().user().strip();
        String field = "User";
        String source = "the config's User";
        if (user.isEmpty()) {
            int i = lastUserStep(in.history());
            if (i >= 0) {
                Matcher m = USER_STEP.matcher(in.history().get(i).createdBy().strip());
                m.find();
                user = m.group(1);
                field = "history[" + i + "]";
                source = "the config has no User; the last USER step of the history (history[" + i + "])";
            }
        }
        if (user.isEmpty()) {
            return List.of(INFO.finding("Image runs as root: no USER is set",
                    "The image config has no User and the history has no USER step, so the container runs as root "
                            + "(uid 0).", Finding.Location.config("User")));
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (name.equals("root") || name.matches("0+")) {
            return List.of(INFO.finding("Image runs as root: USER " + user,
                    "The container runs as uid 0: " + source + " is '" + user + "'.", Finding.Location.config(field)));
        }
        if (!name.matches("\\d+")) {
            String resolved = in.accounts().user(name).map(a -> a.id()).orElse(null);
            if ("0".equals(resolved)) {
                return List.of(INFO.finding("Image runs as root: USER " + user + " has uid 0",
                        "The container runs as uid 0: " + source + " is '" + user + "', and /etc/passwd gives user '"
                                + name + "' uid 0, which is root whatever its name.", Finding.Location.config(field)));
            }
        }
        return List.of();
    }

    /** The index of the last history entry that is a USER step, or -1. */
    private static int lastUserStep(List<ImageConfig.History> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            String c = history.get(i).createdBy();
            if (c != null && USER_STEP.matcher(c.strip()).find()) {
                return i;
            }
        }
        return -1;
    }
}
