package dev.drydock.dockerfile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instruction flag such as {@code --from=build}, {@code --mount=type=cache,target=/root/.cache} or {@code --link}.
 *
 * @param name     flag name without the leading dashes, lower-case as BuildKit treats it ({@code mount})
 * @param value    the value after {@code =}, or {@code null} for a bare boolean flag ({@code --link})
 * @param position where the flag's {@code --} starts
 */
public record Flag(String name, String value, Position position) {

    /**
     * The comma-separated {@code key=value} options of a flag value, as {@code --mount} and {@code --security} use
     * them. A key without {@code =} maps to {@code ""}. Order is kept; a later duplicate key wins.
     */
    public Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        for (String part : splitCsv(value)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                out.put(part.trim().toLowerCase(java.util.Locale.ROOT), "");
            } else {
                out.put(part.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT), unquote(part.substring(eq + 1).trim()));
            }
        }
        return out;
    }

    /** The {@code type} of a {@code --mount} flag, defaulting to {@code bind} as BuildKit does. */
    public String mountType() {
        return options().getOrDefault("type", "bind");
    }

    private static java.util.List<String> splitCsv(String s) {
        // BuildKit parses mount options as CSV: a double-quoted field may contain commas.
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    @Override
    public String toString() {
        return value == null ? "--" + name : "--" + name + "=" + value;
    }
}
