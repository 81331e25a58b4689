package dev.drydock.cli;

import dev.drydock.analyzer.LayerCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drydock cache clean}: empties the layer result cache. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Manages drydock's on-disk caches.",
        subcommands = CacheCommand.Clean.class)
final class CacheCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'drydock cache clean'");
    }

    @Command(name = "clean", mixinStandardHelpOptions = true, description = "Deletes every cached layer result.")
    static final class Clean implements Callable<Integer> {

        @Option(names = "--cache-dir", paramLabel = "DIR",
                description = "The cache (default: $XDG_CACHE_HOME/drydock or ~/.cache/drydock).")
        Path cacheDir;

        @Override
        public Integer call() throws IOException {
            LayerCache cache = new LayerCache(LayerCache.defaultDir(cacheDir, System.getenv(), System.getProperty("user.home")));
            long n = cache.clean();
            System.out.println("drydock: removed " + n + " cached file(s) from " + cache.dir());
            System.out.flush();
            return ExitCodes.OK;
        }
    }
}
