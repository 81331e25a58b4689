package dev.drydock.cli;

import dev.drydock.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code drydock} command: lists the subcommands. */
@Command(name = "drydock", mixinStandardHelpOptions = true, versionProvider = DrydockCommand.VersionProvider.class,
        description = "Container security: lint Dockerfiles, scan images and directories for vulnerabilities, secrets and"
                + " hardening problems, write SBOMs, and decide with a policy.%n",
        subcommands = {DockerfileCommand.class, RulesCommand.class, LayersCommand.class, SbomCommand.class,
                ImageCommand.class, FsCommand.class, PackagesCommand.class, SecretsCommand.class, DbCommand.class,
                VersionCommand.class, CacheCommand.class},
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on (the policy failed), 2 usage error, 3 unreadable or invalid input,"
                + " 4 internal error.", "Documentation: https://github.com/drydock-dev/drydock"})
final class DrydockCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: say what to scan, e.g. 'drydock dockerfile Dockerfile'");
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drydock " + Version.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
