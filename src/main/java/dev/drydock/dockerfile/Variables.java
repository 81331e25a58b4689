package dev.drydock.dockerfile;

import java.util.Map;

/**
 * Dockerfile variable substitution as BuildKit's shell lexer does it for non-RUN instructions:
 * {@code $V}, {@code ${V}}, {@code ${V:-word}}, {@code ${V-word}}, {@code ${V:+word}}, {@code ${V+word}},
 * {@code ${V:?msg}}, escaped {@code \$}. Unknown variables expand to the empty string.
 *
 * <p>Written by hand: this is BuildKit's own dialect (a subset of POSIX parameter expansion with its own escape
 * character), which no Java library implements. Runs in linear time in the length of the word plus the output.
 */
public final class Variables {

    /** Expansion stops growing past this many characters: a Dockerfile word is never legitimately this long. */
    static final int MAX_LENGTH = 1 << 20;

    private Variables() {
    }

    /**
     * Expands variables in {@code word} using {@code vars}. A key mapped to {@code null} counts as set-but-empty
     * only if present with a value; {@code null} values (ARG without default) count as unset.
     */
    public static String expand(String word, Map<String, String> vars, char escape) {
        if (word == null || word.indexOf('$') < 0) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 16);
        expandInto(word, 0, word.length(), vars, escape, out, 0);
        return out.toString();
    }

    private static void expandInto(String w, int from, int to, Map<String, String> vars, char escape, StringBuilder out,
                                   int depth) {
        int i = from;
        while (i < to && out.length() < MAX_LENGTH) {
            char c = w.charAt(i);
            if (c == escape && i + 1 < to && w.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < to) {
                i = substitute(w, i + 1, to, vars, escape, out, depth);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Handles what follows a {@code $} at {@code i}; returns the index after the reference. */
    private static int substitute(String w, int i, int to, Map<String, String> vars, char escape, StringBuilder out,
                                  int depth) {
        char c = w.charAt(i);
        if (c == '{') {
            int close = matchingBrace(w, i + 1, to);
            if (close < 0) {
                out.append(w, i - 1, to); // unterminated ${: BuildKit refuses it at build time; keep it literal
                return to;
            }
            int nameEnd = i + 1;
            while (nameEnd < close && isNameChar(w.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = w.substring(i + 1, nameEnd);
            String value = vars.get(name);
            boolean set = value != null;
            boolean nonEmpty = set && !value.isEmpty();
            if (nameEnd == close) {
                append(out, value);
                return close + 1;
            }
            int op = nameEnd;
            boolean colon = w.charAt(op) == ':';
            int opChar = colon ? op + 1 : op;
            if (opChar >= close) {
                append(out, value);
                return close + 1;
            }
            char kind = w.charAt(opChar);
            int argFrom = opChar + 1;
            boolean condition = colon ? nonEmpty : set;
            if (depth > 32) {
                append(out, value);
                return close + 1;
            }
            switch (kind) {
                case '-' -> {
                    if (condition) {
                        append(out, value);
                    } else {
                        expandInto(w, argFrom, close, vars, escape, out, depth + 1);
                    }
                }
                case '+' -> {
                    if (condition) {
                        expandInto(w, argFrom, close, vars, escape, out, depth + 1);
                    }
                }
                case '?' -> append(out, value); // an error at build time when unset; a linter keeps going
                default -> append(out, value); // ${V#pat}, ${V%pat}, ${V/a/b}: approximated by the value
            }
            return close + 1;
        }
        if (isNameStart(c)) {
            int end = i;
            while (end < to && isNameChar(w.charAt(end))) {
                end++;
            }
            append(out, vars.get(w.substring(i, end)));
            return end;
        }
        out.append('$');
        return i;
    }

    private static int matchingBrace(String w, int from, int to) {
        int depth = 0;
        for (int j = from; j < to; j++) {
            char c = w.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return j;
                }
                depth--;
            }
        }
        return -1;
    }

    private static void append(StringBuilder out, String value) {
        if (value != null) {
            out.append(value, 0, Math.min(value.length(), Math.max(0, MAX_LENGTH - out.length())));
        }
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
