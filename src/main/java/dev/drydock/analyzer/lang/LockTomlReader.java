package dev.drydock.analyzer.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code [[package]]} tables of {@code poetry.lock}, {@code uv.lock} and {@code Cargo.lock}. No TOML library is on the
 * classpath, and these files use a small, machine-written subset of TOML (https://toml.io/en/v1.0.0): table and
 * array-of-table headers, {@code key = value} with basic strings, multi-line strings, arrays and inline tables. This
 * reader understands exactly that much: per package its top-level string values, the raw text of its other values,
 * and the keys of its {@code [package.dependencies]} table.
 */
public final class LockTomlReader {

    private static final Pattern KEY_VALUE = Pattern.compile("(\"[^\"]*\"|[A-Za-z0-9_.-]+)\\s*=\\s*(.*)");
    public static final Pattern NAME_IN_INLINE_TABLE = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");

    /** One {@code [[package]]} table. */
    public record Entry(Map<String, String> values, Set<String> dependencies, int line) {
        public String string(String key) {
            String v = values.get(key);
            return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                    ? v.substring(1, v.length() - 1) : null;
        }
    }

    private LockTomlReader() {
    }

    public static List<Entry> packages(BufferedReader r) throws IOException {
        List<Entry> out = new ArrayList<>();
        Entry current = null;
        String table = "";
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                String header = l.replaceAll("^\\[+\\s*|\\s*]+$", "");
                if (l.startsWith("[[") && header.equals("package")) {
                    current = new Entry(new LinkedHashMap<>(), new LinkedHashSet<>(), lineNo);
                    out.add(current);
                } else if (!header.startsWith("package.")) {
                    current = null;
                }
                table = header;
                continue;
            }
            Matcher m = KEY_VALUE.matcher(l);
            if (!m.matches()) {
                throw new IOException("line " + lineNo + ": not a TOML key = value: " + abbreviate(l));
            }
            String key = m.group(1).replace("\"", "");
            StringBuilder value = new StringBuilder(m.group(2).strip());
            // a value that goes on over several lines: a multi-line string, or an array or inline table left open
            if (value.toString().startsWith("\"\"\"") && (value.length() < 6 || !value.toString().endsWith("\"\"\""))) {
                for (String more = r.readLine(); more != null; more = r.readLine()) {
                    lineNo++;
                    if (more.contains("\"\"\"")) {
                        break;
                    }
                }
                value.setLength(0);
            } else {
                while (depth(value) > 0) {
                    String more = r.readLine();
                    if (more == null) {
                        throw new IOException("line " + lineNo + ": the value of '" + key + "' is never closed");
                    }
                    lineNo++;
                    value.append(' ').append(more.strip());
                }
            }
            if (current == null) {
                continue;
            }
            if (table.equals("package")) {
                current.values().put(key, value.toString());
            } else if (table.equals("package.dependencies")) {
                current.dependencies().add(key);
            }
        }
        return out;
    }

    /** Open brackets and braces outside basic ("…", escapes) and literal ('…', none) strings. */
    private static int depth(CharSequence s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                break;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
