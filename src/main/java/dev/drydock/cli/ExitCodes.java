package dev.drydock.cli;

import dev.drydock.DrydockException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The one place that maps outcomes and exceptions to exit codes (documented in the README). */
public final class ExitCodes {

    /** Nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold ({@code --fail-on}). */
    public static final int FINDINGS = 1;
    /** Wrong options or arguments, or a program the options need is missing. */
    public static final int USAGE = 2;
    /** An input could not be read or is invalid (a Dockerfile that does not parse, a missing file, bad config). */
    public static final int INPUT = 3;
    /** A bug in drydock. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }

    /** Handles exceptions thrown while a command runs: a message on stderr, never a stack trace (unless DRYDOCK_DEBUG). */
    static final class ExecutionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            if (ex instanceof DrydockException.UsageException) {
                err.println("drydock: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof DrydockException.InputException) {
                err.println("drydock: " + ex.getMessage());
                return INPUT;
            }
            err.println("drydock: internal error: " + ex + (ex.getCause() != null ? " (caused by " + ex.getCause() + ")" : ""));
            err.println("This is a bug in drydock; please report it with the input that caused it."
                    + " Set DRYDOCK_DEBUG=1 to see the stack trace.");
            if (System.getenv("DRYDOCK_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL;
        }
    }

    /** Handles bad options and arguments: the message and a pointer to help. */
    static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("drydock: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        }
    }
}
