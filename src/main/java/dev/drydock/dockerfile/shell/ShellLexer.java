package dev.drydock.dockerfile.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits POSIX shell text into words and operators, the way a shell's token recognition does
 * (<a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_03">POSIX 2.3</a>),
 * plus the bash additions Dockerfiles use ({@code $'…'}, {@code |&}, {@code &>}, {@code <<<}, {@code <(…)}).
 *
 * <p>Hand-written because no maintained Java library parses POSIX shell. It never throws: an unterminated quote or
 * substitution runs to the end of the text. Every character is visited a bounded number of times per nesting
 * level, and nesting is tracked with explicit stacks, not recursion. Here-document bodies are consumed at the
 * newline that follows their operator and attached to the delimiter word, so they are never read as commands.
 */
final class ShellLexer {

    enum Kind { WORD, OP, NEWLINE, EOF }

    /** Text of a command substitution to parse as a script; {@code exact} when its offsets map 1:1 to the source. */
    record Subst(String text, int offset, boolean exact) {
    }

    /** A here-document body and the offset of its first character. */
    record Body(String text, int offset) {
    }

    static final class Token {
        final Kind kind;
        final String op;
        final ShellWord word;
        final int offset;
        final List<Subst> substs;
        Body heredoc;

        Token(Kind kind, String op, ShellWord word, int offset, List<Subst> substs) {
            this.kind = kind;
            this.op = op;
            this.word = word;
            this.offset = offset;
            this.substs = substs;
        }

        boolean isOp(String o) {
            return kind == Kind.OP && op.equals(o);
        }

        /** An unquoted word with exactly this text: how reserved words are recognised. */
        boolean isWord(String w) {
            return kind == Kind.WORD && !word.quoted() && word.raw().equals(w);
        }
    }

    // Longest first, so that "&&" wins over "&".
    private static final String[] OPERATORS = {
        ";;&", "&>>", "<<<", "<<-", "&&", "||", ";;", ";&", "|&", "&>", "<<", "<>", "<&", ">>", ">&", ">|",
        ">", "<", ";", "&", "|", "(", ")"};

    private final String s;
    private final int n;
    private final int base;
    private final boolean exact;
    private int i;

    private final List<Token> tokens = new ArrayList<>();
    private final List<Token> pendingDelimiters = new ArrayList<>();
    private final List<Boolean> pendingStripTabs = new ArrayList<>();

    /**
     * @param base  offset of {@code text} in the whole script
     * @param exact whether {@code text} is a verbatim slice of the script (else every offset is {@code base})
     */
    ShellLexer(String text, int base, boolean exact) {
        this.s = text;
        this.n = text.length();
        this.base = base;
        this.exact = exact;
    }

    private int abs(int local) {
        return exact ? base + local : base;
    }

    List<Token> tokenize() {
        boolean expectDelimiter = false;
        boolean stripTabs = false;
        while (true) {
            skipBlanks();
            if (i >= n) {
                tokens.add(new Token(Kind.EOF, "", null, abs(n), List.of()));
                return tokens;
            }
            char c = s.charAt(i);
            if (c == '\n') {
                tokens.add(new Token(Kind.NEWLINE, "\n", null, abs(i), List.of()));
                i++;
                readHeredocBodies();
                continue;
            }
            if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            String op = processSubstitutionAhead() ? null : operatorAt(i);
            if (op != null) {
                tokens.add(new Token(Kind.OP, op, null, abs(i), List.of()));
                i += op.length();
                if (op.equals("<<") || op.equals("<<-")) {
                    expectDelimiter = true;
                    stripTabs = op.equals("<<-");
                }
                continue;
            }
            int start = i;
            List<Subst> substs = new ArrayList<>();
            ShellWord word = readWord(substs);
            if (!word.quoted() && isDigits(word.raw()) && i < n && (s.charAt(i) == '<' || s.charAt(i) == '>')
                    && !processSubstitutionAhead()) {
                String redir = operatorAt(i);
                tokens.add(new Token(Kind.OP, word.raw() + redir, null, abs(start), List.of()));
                i += redir.length();
                if (redir.equals("<<") || redir.equals("<<-")) {
                    expectDelimiter = true;
                    stripTabs = redir.equals("<<-");
                }
                continue;
            }
            Token t = new Token(Kind.WORD, "", word, abs(start), substs);
            tokens.add(t);
            if (expectDelimiter) {
                pendingDelimiters.add(t);
                pendingStripTabs.add(stripTabs);
                expectDelimiter = false;
            }
        }
    }

    private boolean processSubstitutionAhead() {
        return i + 1 < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && s.charAt(i + 1) == '(';
    }

    private String operatorAt(int at) {
        for (String op : OPERATORS) {
            if (s.startsWith(op, at)) {
                return op;
            }
        }
        return null;
    }

    private void skipBlanks() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\\' && i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                i += 3;
            } else {
                return;
            }
        }
    }

    /** Reads the bodies of the here-documents opened on the line just ended; {@code i} is at the next line. */
    private void readHeredocBodies() {
        for (int k = 0; k < pendingDelimiters.size(); k++) {
            Token delimiter = pendingDelimiters.get(k);
            boolean strip = pendingStripTabs.get(k);
            String expected = delimiter.word.text();
            int bodyStart = i;
            int bodyEnd = n;
            while (i < n) {
                int eol = s.indexOf('\n', i);
                int lineEnd = eol < 0 ? n : eol;
                String line = s.substring(i, lineEnd);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (strip) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (line.equals(expected)) {
                    bodyEnd = i;
                    i = eol < 0 ? n : eol + 1;
                    break;
                }
                i = eol < 0 ? n : eol + 1;
            }
            delimiter.heredoc = new Body(s.substring(bodyStart, Math.min(bodyEnd, n)), abs(bodyStart));
        }
        pendingDelimiters.clear();
        pendingStripTabs.clear();
    }

    private static boolean isDigits(String w) {
        if (w.isEmpty() || w.length() > 4) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<'
                || c == '>' || c == '(' || c == ')';
    }

    private ShellWord readWord(List<Subst> substs) {
        int start = i;
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        if (processSubstitutionAhead()) {
            int end = findParenEnd(i + 2);
            substs.add(new Subst(s.substring(i + 2, end), abs(i + 2), exact));
            i = Math.min(end + 1, n);
            text.append(s, start, i);
        }
        while (i < n) {
            char c = s.charAt(i);
            if (isMeta(c)) {
                if (c == '(' && isArrayAssignment(text)) {
                    int end = findParenEnd(i + 1);
                    text.append(s, i, Math.min(end + 1, n));
                    i = Math.min(end + 1, n);
                    continue;
                }
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        text.append('\\');
                        i++;
                    } else if (s.charAt(i + 1) == '\n') {
                        i += 2;
                    } else if (s.charAt(i + 1) == '\r' && i + 2 < n && s.charAt(i + 2) == '\n') {
                        i += 3;
                    } else {
                        text.append(s.charAt(i + 1));
                        quoted = true;
                        i += 2;
                    }
                }
                case '\'' -> {
                    int end = s.indexOf('\'', i + 1);
                    end = end < 0 ? n : end;
                    text.append(s, i + 1, end);
                    quoted = true;
                    i = Math.min(end + 1, n);
                }
                case '"' -> {
                    readDoubleQuoted(text, substs);
                    quoted = true;
                }
                case '`' -> readBackquoted(text, substs);
                case '$' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '\'') {
                        i += 2;
                        readAnsiC(text);
                        quoted = true;
                    } else if (i + 1 < n && s.charAt(i + 1) == '"') {
                        i++; // $"…" is a translatable string: same as "…"
                    } else {
                        readDollar(text, substs);
                    }
                }
                default -> {
                    text.append(c);
                    i++;
                }
            }
        }
        return new ShellWord(text.toString(), s.substring(start, i), quoted, abs(start));
    }

    /** Bash {@code $'…'}: backslash escapes as in C; {@code i} is just after the opening quote. */
    private void readAnsiC(StringBuilder text) {
        while (i < n && s.charAt(i) != '\'') {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                text.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'a' -> text.append('\u0007');
                case 'b' -> text.append('\b');
                case 'e', 'E' -> text.append('\u001b');
                case 'f' -> text.append('\f');
                case 'v' -> text.append('\u000b');
                case '\\', '\'', '"', '?' -> text.append(e);
                case 'x' -> text.append((char) readNumber(16, 2));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    i--;
                    text.append((char) readNumber(8, 3));
                }
                default -> text.append('\\').append(e);
            }
        }
        if (i < n) {
            i++;
        }
    }

    private int readNumber(int radix, int maxDigits) {
        int value = 0;
        for (int d = 0; d < maxDigits && i < n && Character.digit(s.charAt(i), radix) >= 0; d++) {
            value = value * radix + Character.digit(s.charAt(i), radix);
            i++;
        }
        return value;
    }

    /** {@code NAME=(a b c)}: a bash array assignment keeps its parenthesised list in the word. */
    private static boolean isArrayAssignment(StringBuilder text) {
        int len = text.length();
        return len > 1 && text.charAt(len - 1) == '=' && ShellWords.isName(text.substring(0, len - 1));
    }

    private void readDoubleQuoted(StringBuilder text, List<Subst> substs) {
        i++;
        while (i < n && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                if (next == '\n') {
                    i += 2;
                } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    text.append(next);
                    i += 2;
                } else {
                    text.append('\\');
                    i++;
                }
            } else if (c == '$') {
                readDollar(text, substs);
            } else if (c == '`') {
                readBackquoted(text, substs);
            } else {
                text.append(c);
                i++;
            }
        }
        if (i < n) {
            i++;
        }
    }

    /** {@code $(…)}, {@code $((…))}, {@code ${…}} or a plain {@code $}: kept as written in the text. */
    private void readDollar(StringBuilder text, List<Subst> substs) {
        int start = i;
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        if (next == '(') {
            boolean arithmetic = i + 2 < n && s.charAt(i + 2) == '(';
            int end = findParenEnd(i + 2);
            if (!arithmetic) {
                substs.add(new Subst(s.substring(i + 2, end), abs(i + 2), exact));
            }
            i = Math.min(end + 1, n);
        } else if (next == '{') {
            int depth = 1;
            int k = i + 2;
            while (k < n && depth > 0) {
                char c = s.charAt(k);
                if (c == '\\') {
                    k++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                k++;
            }
            i = Math.min(k, n);
        } else {
            i++;
        }
        text.append(s, start, i);
    }

    private void readBackquoted(StringBuilder text, List<Subst> substs) {
        int start = i;
        StringBuilder inner = new StringBuilder();
        int k = i + 1;
        while (k < n && s.charAt(k) != '`') {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < n && "$`\\".indexOf(s.charAt(k + 1)) >= 0) {
                inner.append(s.charAt(k + 1));
                k += 2;
            } else {
                inner.append(c);
                k++;
            }
        }
        String raw = s.substring(i + 1, Math.min(k, n));
        substs.add(new Subst(inner.toString(), abs(i + 1), exact && raw.contentEquals(inner)));
        i = Math.min(k + 1, n);
        text.append(s, start, i);
    }

    /**
     * The index of the {@code )} that closes a substitution whose body starts at {@code from}, or the text's
     * length. Tracks quotes, backquotes and nested parentheses on an explicit stack.
     */
    private int findParenEnd(int from) {
        Deque<Character> stack = new ArrayDeque<>();
        stack.push('(');
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            char top = stack.peek();
            if (c == '\\') {
                k += 2;
                continue;
            }
            if (top == '"') {
                if (c == '"') {
                    stack.pop();
                } else if (c == '`') {
                    stack.push('`');
                } else if (c == '$' && k + 1 < n && s.charAt(k + 1) == '(') {
                    stack.push('(');
                    k++;
                }
            } else if (top == '`') {
                if (c == '`') {
                    stack.pop();
                }
            } else if (c == '\'') {
                int end = s.indexOf('\'', k + 1);
                k = end < 0 ? n : end;
            } else if (c == '"' || c == '`') {
                stack.push(c);
            } else if (c == '#' && (k == from || " \t\n;".indexOf(s.charAt(k - 1)) >= 0)) {
                int eol = s.indexOf('\n', k);
                k = eol < 0 ? n : eol;
                continue;
            } else if (c == '(') {
                stack.push('(');
            } else if (c == ')') {
                stack.pop();
                if (stack.isEmpty()) {
                    return k;
                }
            }
            k++;
        }
        return n;
    }
}
