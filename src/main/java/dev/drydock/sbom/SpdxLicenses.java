package dev.drydock.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SPDX licence list, as cyclonedx-core-java ships it ({@code spdx.schema.json}: every licence and exception id),
 * and a strict reading of declared licences: a known id, or an expression of known ids with AND / OR / WITH and
 * parentheses. Anything else is free text the writers carry as a name (CycloneDX) or a {@code LicenseRef-} (SPDX).
 */
final class SpdxLicenses {

    private static final Pattern TOKENS = Pattern.compile("\\s+|(?=[()])|(?<=[()])");
    private static volatile Map<String, String> byLowerCase;

    private SpdxLicenses() {
    }

    private static Map<String, String> ids() {
        Map<String, String> m = byLowerCase;
        if (m == null) {
            m = new HashMap<>();
            try (InputStream in = SpdxLicenses.class.getResourceAsStream("/spdx.schema.json")) {
                if (in != null) {
                    for (JsonNode id : new ObjectMapper().readTree(in).path("enum")) {
                        m.put(id.asText().toLowerCase(Locale.ROOT), id.asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SPDX licence list from cyclonedx-core-java", e);
            }
            byLowerCase = m;
        }
        return m;
    }

    /** The licence list's spelling of a single id ({@code mit} → {@code MIT}), or null when it is not on the list. */
    static String id(String text) {
        String t = text.strip();
        if (t.endsWith("+")) {
            String base = ids().get(t.substring(0, t.length() - 1).toLowerCase(Locale.ROOT));
            return base == null ? null : base + "+";
        }
        return ids().get(t.toLowerCase(Locale.ROOT));
    }

    /** The expression with ids in the list's spelling, or null when it is not a valid expression of known ids. */
    static String expression(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean wantOperand = true;
        for (String tok : TOKENS.split(text.strip())) {
            if (tok.isEmpty()) {
                continue;
            }
            String upper = tok.toUpperCase(Locale.ROOT);
            if (tok.equals("(")) {
                if (!wantOperand) {
                    return null;
                }
                depth++;
                out.append('(');
                continue;
            }
            if (tok.equals(")")) {
                if (wantOperand || --depth < 0) {
                    return null;
                }
                out.append(')');
                continue;
            }
            if (upper.equals("AND") || upper.equals("OR") || upper.equals("WITH")) {
                if (wantOperand) {
                    return null;
                }
                out.append(' ').append(upper).append(' ');
                wantOperand = true;
                continue;
            }
            String id = id(tok);
            if ((id == null && !tok.startsWith("LicenseRef-")) || !wantOperand) {
                return null;
            }
            out.append(id == null ? tok : id);
            wantOperand = false;
        }
        return depth == 0 && !wantOperand ? out.toString() : null;
    }

    /** Whether the text is a compound expression (needs parentheses when joined with others). */
    static boolean compound(String expression) {
        return expression.contains(" AND ") || expression.contains(" OR ") || expression.contains(" WITH ");
    }
}
