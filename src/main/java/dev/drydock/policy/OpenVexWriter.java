package dev.drydock.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * drydock's findings as an OpenVEX v0.2.0 document (https://github.com/openvex/spec; validated in tests against the
 * official schema): one statement per vulnerability and package, product the scanned image, subcomponent the package.
 * The document id is a hash of its statements, so the same findings give the same document.
 */
public final class OpenVexWriter {

    public static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String author;
    private final Instant timestamp;

    /**
     * @param author    who speaks (OpenVEX requires one): the user's organisation, or "drydock"
     * @param timestamp the document's time: {@code SOURCE_DATE_EPOCH} when set, for reproducible output
     */
    public OpenVexWriter(String author, Instant timestamp) {
        this.author = author;
        this.timestamp = timestamp;
    }

    public void write(ScanReport report, Writer out) throws IOException {
        JSON.writeValue(out, document(report));
        out.write("\n");
        out.flush();
    }

    ObjectNode document(ScanReport report) {
        List<VexStatements.Statement> statements = VexStatements.of(report);
        ArrayNode list = JSON.createArrayNode();
        for (VexStatements.Statement s : statements) {
            ObjectNode st = list.addObject();
            ObjectNode v = st.putObject("vulnerability");
            v.put("name", s.vulnerability());
            List<String> aliases = s.aliases().stream().filter(a -> !a.equals(s.vulnerability())).distinct().toList();
            if (!aliases.isEmpty()) {
                aliases.forEach(v.putArray("aliases")::add);
            }
            ObjectNode p = st.putArray("products").addObject();
            p.put("@id", s.product());
            if (s.product().startsWith("pkg:")) {
                p.putObject("identifiers").put("purl", s.product());
            }
            if (s.subcomponent() != null) {
                ObjectNode c = p.putArray("subcomponents").addObject();
                c.put("@id", s.subcomponent());
                c.putObject("identifiers").put("purl", s.subcomponent());
            }
            st.put("status", s.status().openVex());
            if (s.justification() != null) {
                st.put("justification", s.justification().openVex());
            }
            if (s.impactStatement() != null) {
                st.put("impact_statement", s.impactStatement());
            }
            if (s.actionStatement() != null) {
                st.put("action_statement", s.actionStatement());
            }
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@context", CONTEXT);
        doc.put("@id", "https://openvex.dev/docs/drydock/" + hash(list.toString()));
        doc.put("author", author);
        doc.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp));
        doc.put("version", 1);
        doc.put("tooling", "drydock " + Version.get());
        doc.set("statements", list);
        return doc;
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
