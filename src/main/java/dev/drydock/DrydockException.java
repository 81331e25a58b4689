package dev.drydock;

/**
 * The small hierarchy of failures drydock reports to users; {@code cli.ExitCodes} maps each kind to an exit code.
 * Messages say what failed on which input, and what to do.
 */
public abstract sealed class DrydockException extends RuntimeException
        permits DrydockException.InputException, DrydockException.UsageException {

    protected DrydockException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Unreadable or invalid input (a file, an image, a config): exit code 3. Not final, so that a kind of bad input
     * that carries more (a policy file's line: {@code policy.PolicyFileException}) is still this and exits 3.
     */
    public static non-sealed class InputException extends DrydockException {
        public InputException(String message) {
            super(message, null);
        }

        public InputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Options that do not make sense together, or a missing tool the user asked for: exit code 2. */
    public static final class UsageException extends DrydockException {
        public UsageException(String message) {
            super(message, null);
        }
    }
}
