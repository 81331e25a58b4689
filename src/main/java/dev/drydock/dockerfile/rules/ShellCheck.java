package dev.drydock.dockerfile.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.DrydockException.UsageException;
import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs ShellCheck (https://www.shellcheck.net) on every RUN script, as Hadolint does, and reports its findings as
 * {@code SCnnnn} violations at the RUN instruction. ShellCheck is an external program; drydock does not bundle it.
 */
public final class ShellCheck {

    /**
     * Excluded as Hadolint excludes them: variables come from ARG/ENV (SC2154), sourced files are not in the
     * script (SC1090, SC1091), and ash is what Alpine's /bin/sh is (SC2187).
     */
    static final String EXCLUDED = "SC2154,SC1090,SC1091,SC2187";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;

    private final Path executable;

    private ShellCheck(Path executable) {
        this.executable = executable;
    }

    /** Finds {@code shellcheck} on the PATH. */
    public static Optional<ShellCheck> find(String pathEnv) {
        if (pathEnv == null) {
            return Optional.empty();
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "shellcheck");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(new ShellCheck(p));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find(String)}, but a clear usage error when it is missing. */
    public static ShellCheck require() {
        return find(System.getenv("PATH")).orElseThrow(() -> new UsageException(
                "--shellcheck needs the 'shellcheck' program on the PATH, and it was not found"
                        + " (Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck)"));
    }

    /** Checks every POSIX-shell RUN of the file. */
    public List<Violation> check(Dockerfile df) {
        LintContext ctx = new LintContext(df, LintSettings.DEFAULT, null);
        List<Violation> out = new ArrayList<>();
        for (Instruction i : df.instructions()) {
            if (!i.is("RUN") || i.execForm() || !ctx.posixShell(i)) {
                continue;
            }
            for (JsonNode c : run(i.script(), shellOf(df, i))) {
                String code = "SC" + c.path("code").asInt();
                Severity sev = switch (c.path("level").asText("warning")) {
                    case "error" -> Severity.ERROR;
                    case "info" -> Severity.INFO;
                    case "style" -> Severity.STYLE;
                    default -> Severity.WARNING;
                };
                RuleInfo info = new RuleInfo(code, sev, "ShellCheck " + code, "ShellCheck found a problem in this RUN script.",
                        "See https://www.shellcheck.net/wiki/" + code, List.of(), "", "", false);
                String msg = c.path("message").asText() + " (script line " + c.path("line").asInt() + ")";
                out.add(new Violation(info, sev, msg, df.name(), i.start(), i.line(), List.of()));
            }
        }
        return out;
    }

    private static String shellOf(Dockerfile df, Instruction run) {
        String shell = "sh";
        if (run.stage() >= 0) {
            for (Instruction i : df.stages().get(run.stage()).instructions()) {
                if (i.start().offset() >= run.start().offset()) {
                    break;
                }
                if (i.is("SHELL") && !i.args().isEmpty()) {
                    String s = Path.of(i.args().get(0).text()).getFileName().toString().toLowerCase(Locale.ROOT);
                    shell = s.equals("bash") || s.equals("ksh") || s.equals("dash") ? s : "sh";
                }
            }
        }
        return shell;
    }

    private List<JsonNode> run(String script, String shell) {
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "--format=json1", "--shell=" + shell,
                "--exclude=" + EXCLUDED, "-");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            byte[] outBytes;
            try (InputStream o = p.getInputStream()) {
                outBytes = o.readNBytes(4 * 1024 * 1024);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UsageException("shellcheck did not finish within " + TIMEOUT_SECONDS + " s");
            }
            JsonNode root = JSON.readTree(outBytes);
            List<JsonNode> out = new ArrayList<>();
            if (root != null) {
                root.path("comments").forEach(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new UsageException("could not run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while running shellcheck");
        }
    }
}
