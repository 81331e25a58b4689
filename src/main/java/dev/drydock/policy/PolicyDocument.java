package dev.drydock.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON policy file read into a Jackson tree that remembers where each key and value was written, so every
 * complaint about it names the line ({@link JsonLocation}, which both of Jackson's parsers report). Jackson's own tree
 * model forgets locations, hence this small builder over the token stream.
 *
 * <p>Places are named by friendly paths: {@code forbidden-packages[2].name}; the root is {@code ""}.
 */
final class PolicyDocument {

    /** Policy files are small; anything larger is a mistake, not a policy. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final JsonFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    final Path file;
    final JsonNode root;
    private final Map<String, JsonLocation> at;

    private PolicyDocument(Path file, JsonNode root, Map<String, JsonLocation> at) {
        this.file = file;
        this.root = root;
        this.at = at;
    }

    static PolicyDocument yaml(Path file) {
        return read(file, YAML, "YAML");
    }

    static PolicyDocument json(Path file) {
        return read(file, JSON, "JSON");
    }

    private static PolicyDocument read(Path file, JsonFactory factory, String format) {
        byte[] bytes = bytes(file);
        Map<String, JsonLocation> at = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new PolicyDocument(file, JsonNodeFactory.instance.objectNode(), at);
            }
            JsonNode root = value(p, "", at, file);
            if (p.nextToken() != null) {
                throw fail(file, p.currentTokenLocation(), "more than one document in the file");
            }
            return new PolicyDocument(file, root == null ? JsonNodeFactory.instance.objectNode() : root, at);
        } catch (JsonProcessingException e) {
            throw fail(file, e.getLocation(), "invalid " + format + ": " + summary(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** SnakeYAML's messages quote the input with carets over several lines; keep the sentences. */
    private static String summary(String message) {
        return message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
                .map(String::strip).reduce((a, b) -> a + "; " + b).orElse(message.strip());
    }

    /** Reads a whole file, refusing one larger than {@link #MAX_BYTES}. */
    static byte[] bytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw new PolicyFileException(file, 0, 0, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not a policy file");
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(file, 0, 0, "file not found");
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser p, String path, Map<String, JsonLocation> at, Path file) throws IOException {
        JsonLocation here = p.currentTokenLocation();
        at.putIfAbsent(path, here);
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonLocation key = p.currentTokenLocation();
                    if (o.has(name)) {
                        throw fail(file, key, child + ": duplicate key");
                    }
                    at.put(child, key);
                    p.nextToken();
                    o.set(name, value(p, child, at, file));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, path + "[" + i++ + "]", at, file));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw fail(file, here, (path.isEmpty() ? "" : path + ": ") + "unexpected " + p.currentToken());
        }
    }

    private static PolicyFileException fail(Path file, JsonLocation loc, String problem) {
        return loc == null ? new PolicyFileException(file, 0, 0, problem)
                : new PolicyFileException(file, loc.getLineNr(), loc.getColumnNr(), problem);
    }

    /** The line a path was written on (its key's line for a member), or 0 when unknown. */
    int line(String path) {
        JsonLocation l = location(path);
        return l == null ? 0 : l.getLineNr();
    }

    private JsonLocation location(String path) {
        String p = path;
        while (true) {
            JsonLocation l = at.get(p);
            if (l != null || p.isEmpty()) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** An error at {@code path}: {@code FILE:LINE:COL: path: problem}. */
    PolicyFileException error(String path, String problem) {
        JsonLocation l = location(path);
        String what = path.isEmpty() ? problem : path + ": " + problem;
        return l == null ? new PolicyFileException(file, 0, 0, what)
                : new PolicyFileException(file, l.getLineNr(), l.getColumnNr(), what);
    }

    /** The node at a friendly path's member: {@code child("", "fail-on")}. */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Fails on the first key not in {@code known}, suggesting the closest known key. */
    void knownKeys(JsonNode object, String path, Collection<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw error(child(path, k), "unknown key" + Suggestions.didYouMean(k, known)
                        + " (known keys" + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", known) + ")");
            }
        }
    }

    // Typed accessors: each names the path and what was expected.

    ObjectNode object(JsonNode n, String path) {
        if (!n.isObject()) {
            throw error(path, "must be a mapping (key: value), not " + describe(n));
        }
        return (ObjectNode) n;
    }

    String text(JsonNode n, String path) {
        if (!n.isTextual() && !n.isNumber() && !n.isBoolean()) {
            throw error(path, "must be a string, not " + describe(n));
        }
        return n.asText();
    }

    String nonEmptyText(JsonNode n, String path) {
        String s = text(n, path).strip();
        if (s.isEmpty()) {
            throw error(path, "must not be empty");
        }
        return s;
    }

    boolean bool(JsonNode n, String path) {
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && List.of("on", "off", "yes", "no").contains(n.asText())) {
            return n.asText().equals("on") || n.asText().equals("yes");
        }
        throw error(path, "must be true or false, not " + describe(n));
    }

    List<String> strings(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw error(path, "must be a list of strings, not " + describe(n));
        }
        for (int i = 0; i < n.size(); i++) {
            out.add(nonEmptyText(n.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "nothing (null)";
        }
        return n.isTextual() ? "'" + n.asText() + "'" : n.toString();
    }
}
