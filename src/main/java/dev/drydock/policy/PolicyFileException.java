package dev.drydock.policy;

import dev.drydock.DrydockException.InputException;
import java.nio.file.Path;

/**
 * A policy input ({@code .drydock.yaml}, {@code .drydockignore}, {@code .trivyignore}, a VEX document) that cannot be
 * used: the message reads {@code FILE:LINE:COLUMN: KEY: problem}, as compilers print it, so editors jump to the place.
 * Exit code 3, like any {@link InputException}.
 */
public final class PolicyFileException extends InputException {

    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    public PolicyFileException(Path file, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0. */
    public int column() {
        return column;
    }

    /** The problem without the place. */
    public String problem() {
        return problem;
    }
}
