package dev.drydock.cli;

import dev.drydock.report.InventoryJsonWriter;
import dev.drydock.report.InventoryTableWriter;
import dev.drydock.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock packages REF|DIR}: the inventory as a table or JSON. */
@Command(name = "packages", mixinStandardHelpOptions = true,
        description = {"Lists every OS and language package in an image or a directory: name, version, ecosystem,"
                + " purl type, the layer that brought it and the file it was found in.",
                "REF|DIR: as for 'drydock sbom'."},
        footer = {"", "Exit codes: 0 listed, 2 usage error, 3 the image or directory could not be read."})
final class PackagesCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @Parameters(index = "0", paramLabel = "REF|DIR", description = "The image or directory.")
    String target;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the list to FILE instead of stdout.")
    Path output;

    @Mixin
    ImageOptions image;

    @Override
    public Integer call() throws IOException {
        Inventory inventory = Targets.inventory(target, image);
        try (Writer w = Targets.writer(output)) {
            if (format == Format.JSON) {
                new InventoryJsonWriter().write(inventory, w);
            } else {
                new InventoryTableWriter().write(inventory, w);
            }
        }
        return ExitCodes.OK;
    }
}
