package dev.drydock.sbom;

import dev.drydock.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.Map;

/** Writes an {@link Inventory} as an SBOM; the one entry point of this package. */
public final class SbomWriter {

    /** The SBOM formats drydock writes. */
    public enum Format { CYCLONEDX, SPDX }

    private final Format format;
    private final Map<String, String> env;
    private final Clock clock;

    /**
     * @param env   read for {@code DRYDOCK_SOURCE_DATE_EPOCH} / {@code SOURCE_DATE_EPOCH}
     * @throws dev.drydock.DrydockException.UsageException when one is set but not a number of seconds
     * @param clock the time SPDX's required {@code created} falls back to when neither the environment nor the image
     *              gives one
     */
    public SbomWriter(Format format, Map<String, String> env, Clock clock) {
        this.format = format;
        this.env = Map.copyOf(env);
        this.clock = clock;
        SbomModel.created(null, this.env); // a malformed SOURCE_DATE_EPOCH is a usage error before any scanning
    }

    public void write(Inventory inventory, Writer out) throws IOException {
        SbomModel model = SbomModel.of(inventory, env);
        switch (format) {
            case CYCLONEDX -> CycloneDxWriter.write(model, out);
            case SPDX -> SpdxWriter.write(model, out, clock.instant());
        }
    }
}
