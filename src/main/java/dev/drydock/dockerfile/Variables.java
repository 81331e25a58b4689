package dev.drydock.dockerfile;

import java.util.Map;

/**
 * Dockerfile variable substitution as BuildKit's shell lexer does it for non-RUN instructions:
 * {@code $V}, {@code ${V}}, {@code ${V:-word}}, {@code ${V-word}}, {@code ${V:+word}}, {@code ${V+word}},
 * {@code ${V:?msg}}, escaped {@code \$}. Unknown variables expand to the empty string.
 */
public final class Variables {

    private Variables() {
    }

    /**
     * Expands variables in {@code word} using {@code vars}. A key mapped to {@code null} counts as set-but-empty
     * only if present with a value; {@code null} values (ARG without default) count as unset.
     */
    public static String expand(String word, Map<String, String> vars, char escape) {
        throw new UnsupportedOperationException("implemented by the parser work");
    }
}
