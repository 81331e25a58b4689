package dev.drydock.version;

/**
 * node-semver 7's {@code internal/trim-comparator-whitespace.js}, line for line: joins an operator to its version
 * ({@code "> 1.2.3"} to {@code ">1.2.3"}) exactly where its older {@code COMPARATORTRIM} regex did, scanning forward
 * over prefixes and whole versions. A port rather than a regex of our own because its quirks decide which ranges parse.
 */
final class ComparatorWhitespace {

    private static final int MAX_LENGTH = SemVer.NPM_MAX_LENGTH;
    private static final int MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

    private final String range;
    private int runStart = -1;
    private int runEnd = -1;
    private int previousStart = -1;
    private int previousEnd = -1;

    private ComparatorWhitespace(String range) {
        this.range = range;
    }

    static String trim(String range) {
        return new ComparatorWhitespace(range).run();
    }

    /** {@code range[i]}, or 0 past the end (JavaScript's undefined: no predicate below accepts it). */
    private char at(int i) {
        return i >= 0 && i < range.length() ? range.charAt(i) : 0;
    }

    private static boolean isWhitespace(char c) {
        return c != 0 && JsText.isWhitespace(c);
    }

    private static boolean isVersionPrefix(char c) {
        return c == 'v' || c == '=' || isWhitespace(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierCharacter(char c) {
        return isDigit(c) || isLetter(c) || c == '-';
    }

    private static boolean isVersionStart(char c) {
        return isDigit(c) || c == 'x' || c == 'X' || c == '*';
    }

    private int digitsEnd(int start, int limit) {
        if (!isDigit(at(start))) {
            return start;
        }
        if (start >= runStart && start < runEnd) {
            return Math.min(start + limit, runEnd);
        }
        if (start >= previousStart && start < previousEnd) {
            return Math.min(start + limit, previousEnd);
        }
        int end = start + 1;
        while (isDigit(at(end))) {
            end++;
        }
        previousStart = runStart;
        previousEnd = runEnd;
        runStart = start;
        runEnd = end;
        return Math.min(start + limit, end);
    }

    private int versionNumberEnd(int start, boolean loose) {
        if (!loose && at(start) == '0') {
            return start + 1;
        }
        return digitsEnd(start, loose ? MAX_LENGTH : MAX_LENGTH + 1);
    }

    private int prereleaseIdentifierEnd(int start, boolean loose) {
        int digits = digitsEnd(start, MAX_LENGTH);
        if (isLetter(at(digits)) || at(digits) == '-') {
            int end = digits + 1;
            int limit = end + MAX_SAFE_BUILD_LENGTH;
            while (end < limit && isIdentifierCharacter(at(end))) {
                end++;
            }
            return end;
        }
        return versionNumberEnd(start, loose);
    }

    private int prereleaseEnd(int start, boolean loose) {
        boolean hyphen = at(start) == '-';
        if (!loose && !hyphen) {
            return start;
        }
        int identifierStart = start + (hyphen ? 1 : 0);
        int end = prereleaseIdentifierEnd(identifierStart, loose);
        if (end == identifierStart) {
            if (!loose || !hyphen) {
                return start;
            }
            end = prereleaseIdentifierEnd(start, loose);
        }
        while (at(end) == '.') {
            int next = prereleaseIdentifierEnd(end + 1, loose);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int buildIdentifierEnd(int start) {
        int end = start;
        while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(at(end))) {
            end++;
        }
        return end;
    }

    private int buildEnd(int start) {
        if (at(start) != '+') {
            return start;
        }
        int end = buildIdentifierEnd(start + 1);
        if (end == start + 1) {
            return start;
        }
        while (at(end) == '.') {
            int next = buildIdentifierEnd(end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private int looseFullVersionEnd(int start) {
        int end = start;
        for (int component = 0; component < 3; component++) {
            int next = versionNumberEnd(end, true);
            if (next == end) {
                return start;
            }
            end = next;
            if (component < 2) {
                if (at(end) != '.') {
                    return start;
                }
                end++;
            }
        }
        return buildEnd(prereleaseEnd(end, true));
    }

    private int partialComponentEnd(int start) {
        if (isDigit(at(start))) {
            return versionNumberEnd(start, false);
        }
        return isVersionStart(at(start)) ? start + 1 : start;
    }

    private int partialVersionEnd(int start) {
        int end = partialComponentEnd(start);
        for (int component = 0; component < 2; component++) {
            if (at(end) != '.') {
                return end;
            }
            int next = partialComponentEnd(end + 1);
            if (next == end + 1) {
                return end;
            }
            end = next;
        }
        return buildEnd(prereleaseEnd(end, false));
    }

    private int versionEnd(int start) {
        int full = looseFullVersionEnd(start);
        return full != start ? full : partialVersionEnd(start);
    }

    private int removableWhitespace(int matchStart) {
        int position = matchStart;
        if (isWhitespace(at(position))) {
            position++;
        }
        if (at(position) == '<' || at(position) == '>') {
            position++;
        }
        if (at(position) == '=') {
            position++;
        }
        return isWhitespace(at(position)) ? position : -1;
    }

    private String run() {
        StringBuilder result = new StringBuilder();
        int copyFrom = 0;
        int cursor = 0;
        while (cursor < range.length()) {
            int matchStart = cursor;
            if (at(cursor) == '<' || at(cursor) == '>') {
                cursor++;
            } else if (!isVersionPrefix(at(cursor)) && !isVersionStart(at(cursor))) {
                cursor++;
                continue;
            }
            while (cursor < range.length() && isVersionPrefix(at(cursor))) {
                cursor++;
            }
            if (!isVersionStart(at(cursor))) {
                continue;
            }
            int ws = removableWhitespace(matchStart);
            if (ws != -1) {
                result.append(range, copyFrom, ws);
                copyFrom = ws + 1;
            }
            cursor = versionEnd(cursor);
        }
        return result.append(range.substring(copyFrom)).toString();
    }
}
