package dev.drydock.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.analyzer.Package;
import dev.drydock.scan.Inventory;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code drydock packages --format json}: {@code subject}, {@code os}, {@code packages} (the {@link Package} fields
 * without {@code files}, which lists thousands of paths per OS package) and {@code diagnostics}.
 */
public final class InventoryJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Inventory inv, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("subject", JSON.valueToTree(inv.subject()));
        if (inv.os() != null) {
            root.set("os", JSON.valueToTree(inv.os()));
        }
        ArrayNode packages = root.putArray("packages");
        for (Package p : inv.packages()) {
            ObjectNode n = JSON.valueToTree(p);
            n.remove("files");
            packages.add(n);
        }
        ArrayNode diags = root.putArray("diagnostics");
        inv.diagnostics().forEach(diags::add);
        out.write(JSON.writeValueAsString(root));
        out.write("\n");
    }
}
