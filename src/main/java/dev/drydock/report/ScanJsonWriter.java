package dev.drydock.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format json} for {@code drydock image} and {@code drydock fs}: the {@link ScanReport} as it is, except that
 * inventory packages leave out {@code files} (thousands of paths per OS package). A minimal writer: the full report
 * writers (with the documented report schema) replace it.
 */
public final class ScanJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void write(ScanReport report, Writer out) throws IOException {
        ObjectNode root = JSON.valueToTree(report);
        if (root.path("inventory").path("packages") instanceof ArrayNode packages) {
            packages.forEach(p -> ((ObjectNode) p).remove("files"));
        }
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        JSON.writeTree(g, root);
        g.flush();
        out.write("\n");
        out.flush();
    }
}
