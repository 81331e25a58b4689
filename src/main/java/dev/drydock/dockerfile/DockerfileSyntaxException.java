package dev.drydock.dockerfile;

/**
 * A Dockerfile that BuildKit would refuse. The message reads like BuildKit's:
 * {@code Dockerfile:7:1: unknown instruction: RUNN}.
 */
public final class DockerfileSyntaxException extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public DockerfileSyntaxException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
