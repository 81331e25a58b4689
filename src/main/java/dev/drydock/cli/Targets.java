package dev.drydock.cli;

import dev.drydock.scan.Inventory;
import dev.drydock.scan.InventoryScanner;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * REF|DIR arguments of the inventory commands: {@code dir:PATH} or a directory that is not an OCI layout (no
 * {@code oci-layout} file) is scanned as a directory; everything else is an image REF.
 */
final class Targets {

    static final String DIR = "dir:";

    private Targets() {
    }

    static boolean isDirectory(String target) {
        if (target.startsWith(DIR)) {
            return true;
        }
        Path p = Path.of(target);
        return Files.isDirectory(p) && !Files.isRegularFile(p.resolve("oci-layout"));
    }

    static Inventory inventory(String target, ImageOptions image) throws IOException {
        InventoryScanner scanner = new InventoryScanner();
        if (isDirectory(target)) {
            return scanner.directory(Path.of(target.startsWith(DIR) ? target.substring(DIR.length()) : target));
        }
        return scanner.image(target, image.platform(), image.cache(), image.sourceOptions());
    }

    /** Stdout, or FILE; the caller closes it (closing stdout's writer only flushes). */
    static Writer writer(Path output) throws IOException {
        if (output == null) {
            return new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
}
