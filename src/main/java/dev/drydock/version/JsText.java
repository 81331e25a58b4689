package dev.drydock.version;

/**
 * JavaScript's idea of whitespace, which node-semver's regular expressions ({@code \s}) and {@code String.trim()} use:
 * wider than Java's {@code \s} (it includes U+00A0, U+FEFF, U+2028, U+3000, ...). Listed as ECMAScript defines
 * WhiteSpace and LineTerminator (node-semver's {@code WHITESPACE_CHARACTERS}).
 */
final class JsText {

    /** The characters, as the body of a regex character class. */
    static final String WS = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    /** JavaScript's {@code \s}. */
    static final String S = "[" + WS + "]";

    private JsText() {
    }

    static boolean isWhitespace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000 || c == 0xFEFF;
    }

    /** {@code String.prototype.trim()}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
