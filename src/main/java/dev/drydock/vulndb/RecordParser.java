package dev.drydock.vulndb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses one advisory file (already read, bounded in size) into a JSON tree. JSON goes through Jackson as is; YAML
 * goes through Jackson's YAML parser but every scalar is kept as the text it was written as, because a YAML 1.1
 * loader turns an unquoted {@code 1.10} into the number 1.1 and a version would silently change. Jackson's streaming
 * YAML parser does not expand aliases (no "billion laughs"); duplicate keys are refused.
 */
final class RecordParser {

    /** Thrown for a file that is not valid JSON or YAML; the message names the line and column. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());
    private static final YAMLFactory YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20); // no "billion laughs"
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(200);
        options.setCodePointLimit(Importer.DEFAULT_MAX_RECORD_BYTES);
        YAML = YAMLFactory.builder().loaderOptions(options).build();
    }

    private RecordParser() {
    }

    static JsonNode json(byte[] bytes) throws ParseException {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new ParseException("empty file");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ParseException("invalid JSON" + where(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ParseException("unreadable JSON: " + e.getMessage());
        }
    }

    static JsonNode yaml(byte[] bytes) throws ParseException {
        try (JsonParser p = YAML.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ParseException("empty file");
            }
            return read(p, t, 0);
        } catch (JsonProcessingException e) {
            throw new ParseException("invalid YAML" + where(e) + ": " + oneLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some limits (code points, aliases) as unchecked exceptions
            throw new ParseException("invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t, int depth) throws IOException, ParseException {
        if (depth > 200) {
            throw new ParseException("invalid YAML: nested more than 200 levels deep");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (o.has(name)) {
                        throw new ParseException("invalid YAML at line " + p.currentLocation().getLineNr() + ": duplicate key '" + name + "'");
                    }
                    o.set(name, read(p, p.nextToken(), depth + 1));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    a.add(read(p, k, depth + 1));
                }
                return a;
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            default -> {
                return f.textNode(p.getText());
            }
        }
    }

    /** SnakeYAML's messages quote the input over several lines: one line is enough, the position is given. */
    private static String oneLine(String m) {
        if (m == null) {
            return "";
        }
        String first = m.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("in 'reader'") && !l.strip().equals("^"))
                .map(String::strip).reduce((a, b) -> a + "; " + b).orElse(m);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
