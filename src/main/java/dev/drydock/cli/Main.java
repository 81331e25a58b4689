package dev.drydock.cli;

import picocli.CommandLine;

/** drydock's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs drydock with these arguments and returns the exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DrydockCommand());
        cl.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
        cl.getSubcommands().get("completion").getCommandSpec().usageMessage()
                .description("Prints a bash/zsh completion script: source <(drydock completion)");
        cl.setExecutionExceptionHandler(new ExitCodes.ExecutionHandler());
        cl.setParameterExceptionHandler(new ExitCodes.ParameterHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        return cl;
    }
}
