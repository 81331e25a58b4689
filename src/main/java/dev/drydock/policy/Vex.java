package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One VEX document given with {@code --vex}: statements of whether products are affected by vulnerabilities.
 * OpenVEX (JSON, spec v0.2.0, and the v0.0.x shape older tools write) and CycloneDX VEX (a BOM's
 * {@code vulnerabilities[].analysis}) are read into the same statements; {@link VexMatcher} applies them.
 *
 * @param source     the file
 * @param format     {@code openvex} or {@code cyclonedx}
 * @param timestamp  the document's time, or null
 * @param statements in the document's order
 * @param warnings   what was left out and why (a statement naming no product drydock can recognise, …); they go
 *                   into the report's diagnostics
 */
public record Vex(Path source, String format, Instant timestamp, List<Statement> statements, List<String> warnings) {

    public Vex {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /**
     * One statement.
     *
     * @param vulnerability   the vulnerability's name ({@code CVE-2023-44487})
     * @param aliases         other names of it
     * @param products        what it is about
     * @param status          the status
     * @param justification   why not affected, or null
     * @param impactStatement how the product is not affected (OpenVEX {@code impact_statement}, CycloneDX {@code detail}), or null
     * @param actionStatement what to do (OpenVEX {@code action_statement}, CycloneDX {@code response}), or null
     * @param timestamp       when it was known to be true (the statement's, else the document's), or null
     * @param line            its line in the file
     */
    public record Statement(String vulnerability, List<String> aliases, List<Product> products, VexStatus status,
                            VexJustification justification, String impactStatement, String actionStatement,
                            Instant timestamp, int line) {
        public Statement {
            aliases = List.copyOf(aliases);
            products = List.copyOf(products);
        }
    }

    /**
     * A product a statement is about: a package (by purl), or the image or directory scanned (its purl
     * {@code pkg:oci/name@sha256:…}, digest or name), optionally narrowed to some of its packages.
     *
     * @param id            a purl, or another identifier ({@code @id}, a digest, a name)
     * @param subcomponents purls of packages inside it the statement is about; empty: the whole product
     * @param versions      only these versions (CycloneDX {@code affects[].versions}), or null
     */
    public record Product(String id, List<String> subcomponents, VersionRange versions) {
        public Product {
            subcomponents = List.copyOf(subcomponents);
        }
    }

    /** Reads an OpenVEX or CycloneDX VEX JSON document, telling them apart by content. */
    public static Vex read(Path file) {
        PolicyDocument doc = PolicyDocument.json(file);
        JsonNode root = doc.object(doc.root, "");
        if (root.has("@context") || root.has("statements")) {
            return OpenVexReader.read(doc);
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return CycloneDxVexReader.read(doc);
        }
        throw doc.error("", "neither an OpenVEX document (no @context) nor a CycloneDX one (no bomFormat: CycloneDX)");
    }
}
