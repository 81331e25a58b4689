package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellScript;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** What a rule may look at: the parsed file, the settings, the build context, and parsed RUN scripts. */
public final class LintContext {

    private final Dockerfile dockerfile;
    private final LintSettings settings;
    private final Path buildContext;
    private final Map<Instruction, ShellScript> scripts = new IdentityHashMap<>();

    public LintContext(Dockerfile dockerfile, LintSettings settings, Path buildContext) {
        this.dockerfile = dockerfile;
        this.settings = settings;
        this.buildContext = buildContext;
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    public LintSettings settings() {
        return settings;
    }

    /** The build context directory (the Dockerfile's folder unless told otherwise); empty for stdin. */
    public Optional<Path> buildContext() {
        return Optional.ofNullable(buildContext);
    }

    /**
     * The parsed shell script of a RUN (or CMD/ENTRYPOINT/HEALTHCHECK) instruction, heredoc bodies included,
     * parsed once and shared by all rules. Exec-form instructions parse their joined arguments
     * ({@link ShellScript#parseExecForm}).
     */
    public ShellScript shell(Instruction instruction) {
        return scripts.computeIfAbsent(instruction,
                i -> i.execForm() ? ShellScript.parseExecForm(i.script()) : ShellScript.parse(i.script()));
    }

    /**
     * Whether the instruction's stage runs RUN through a POSIX shell. A {@code SHELL ["powershell", ...]} or
     * {@code ["cmd", "/S", "/C"]} earlier in the stage makes shell rules inapplicable.
     */
    public boolean posixShell(Instruction instruction) {
        if (instruction.stage() < 0 || instruction.stage() >= dockerfile.stages().size()) {
            return true;
        }
        boolean posix = true;
        for (Instruction i : dockerfile.stages().get(instruction.stage()).instructions()) {
            if (i.start().offset() >= instruction.start().offset()) {
                break;
            }
            if (i.is("SHELL") && !i.args().isEmpty()) {
                String sh = i.args().get(0).text().toLowerCase(java.util.Locale.ROOT);
                posix = !(sh.contains("powershell") || sh.contains("pwsh") || sh.equals("cmd") || sh.endsWith("cmd.exe"));
            }
        }
        return posix;
    }
}
