package dev.drydock.cli;

import dev.drydock.sbom.SbomWriter;
import dev.drydock.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock sbom REF|DIR}: the inventory as CycloneDX 1.6 or SPDX 2.3 JSON. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Writes a software bill of materials for an image or a directory: every OS and language package"
                + " with its purl, licences, and the layer and file it was found in.",
                "REF|DIR: an image REF as 'drydock layers' takes it, or a directory (dir:PATH to force it; a directory"
                        + " holding an oci-layout file is read as an OCI image layout).",
                "The output is deterministic: timestamps come from DRYDOCK_SOURCE_DATE_EPOCH or SOURCE_DATE_EPOCH when set,"
                        + " else from the image's creation time; SPDX, which requires one, falls back to the current time."},
        footer = {"", "Exit codes: 0 written, 2 usage error, 3 the image or directory could not be read."})
final class SbomCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REF|DIR", description = "The image or directory.")
    String target;

    @Option(names = {"-f", "--format"}, defaultValue = "cyclonedx", paramLabel = "FORMAT",
            description = "SBOM format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SbomWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the SBOM to FILE instead of stdout.")
    Path output;

    @Mixin
    ImageOptions image;

    @Override
    public Integer call() throws IOException {
        SbomWriter writer = new SbomWriter(format, System.getenv(), Clock.systemUTC());
        Inventory inventory = Targets.inventory(target, image);
        try (Writer w = Targets.writer(output)) {
            writer.write(inventory, w);
        }
        return ExitCodes.OK;
    }
}
