package dev.drydock.dockerfile.shell;

import dev.drydock.dockerfile.shell.ShellLexer.Kind;
import dev.drydock.dockerfile.shell.ShellLexer.Subst;
import dev.drydock.dockerfile.shell.ShellLexer.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tolerant recursive-descent parser for the POSIX shell grammar
 * (<a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_10">POSIX 2.10</a>)
 * that keeps what drydock's rules need: every simple command that runs, with its words, assignments and
 * redirects, in source order. Hadolint gets the same from ShellCheck's parser; there is no maintained Java
 * equivalent, so this one is hand-written.
 *
 * <p>Compound commands are descended into; command substitutions, {@code sh -c} strings, here-documents fed
 * to a shell, and commands run by wrappers ({@link Wrappers}) are parsed too. Nesting of all kinds shares one
 * depth budget ({@link #MAX_DEPTH}); past it, keywords are skipped and bodies read flat, so deep input cannot
 * exhaust the stack. Anything unexpected is skipped one token at a time. Commands of a script handed to another
 * shell ({@code sh -c} strings, here-documents fed to a shell) record the command that started that shell
 * ({@link ShellCommand#childShellOf()}); compound commands and substitutions are part of the script they are
 * written in.
 */
final class ShellParser {

    static final int MAX_DEPTH = 64;

    private static final Set<String> CLOSING_WORDS = Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");
    private static final Set<String> CLOSING_OPS = Set.of(")", ";;", ";&", ";;&");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    private final List<Token> tokens;
    private final List<ShellCommand> sink;
    /** The command that started the shell this text runs in; null for the script's own shell. */
    private final ShellCommand childShellOf;
    /** Whether this text is an exec-form argv, whose program (and a shell it starts with -c) is the instruction's own process. */
    private final boolean execForm;
    private int pos;
    private int depth;

    private ShellParser(ShellLexer lexer, int depth, List<ShellCommand> sink, ShellCommand childShellOf,
                        boolean execForm) {
        this.tokens = lexer.tokenize();
        this.depth = depth;
        this.sink = sink;
        this.childShellOf = childShellOf;
        this.execForm = execForm;
    }

    /** Parses a whole script; {@code sink} receives every command, unordered. Returns the top-level pipelines. */
    static List<Pipeline> parse(String text, int base, boolean exact, int depth, List<ShellCommand> sink) {
        return parse(text, base, exact, depth, sink, null, false);
    }

    /**
     * {@link #parse(String, int, boolean, int, List)}; {@code execForm}: the text is an exec-form instruction's argv, so a shell it names runs the instruction's
     * own script rather than a child's.
     */
    static List<Pipeline> parse(String text, int base, boolean exact, int depth, List<ShellCommand> sink,
                                boolean execForm) {
        return parse(text, base, exact, depth, sink, null, execForm);
    }

    private static List<Pipeline> parse(String text, int base, boolean exact, int depth, List<ShellCommand> sink,
                                        ShellCommand childShellOf, boolean execForm) {
        ShellParser p = new ShellParser(new ShellLexer(text, base, exact), depth, sink, childShellOf, execForm);
        List<Pipeline> top = new ArrayList<>();
        while (p.peek().kind != Kind.EOF) {
            int before = p.pos;
            p.parseList(top);
            if (p.pos == before) {
                p.pos++; // a stray ")", "fi", "|"…: skip it
            }
        }
        return top;
    }

    private Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private void skipNewlines() {
        while (peek().kind == Kind.NEWLINE) {
            pos++;
        }
    }

    private boolean atListEnd() {
        Token t = peek();
        return t.kind == Kind.EOF || t.kind == Kind.OP && CLOSING_OPS.contains(t.op)
                || t.kind == Kind.WORD && !t.word.quoted() && CLOSING_WORDS.contains(t.word.raw());
    }

    /** A list of pipelines; {@code out} collects them when they are top-level, else null. */
    private void parseList(List<Pipeline> out) {
        while (true) {
            skipNewlines();
            if (atListEnd()) {
                return;
            }
            int before = pos;
            boolean negated = false;
            if (peek().isWord("!")) {
                negated = true;
                pos++;
            }
            List<ShellCommand> commands = parsePipeline();
            if (pos == before) {
                return;
            }
            Token t = peek();
            String operator = "";
            if (t.isOp("&&") || t.isOp("||") || t.isOp(";") || t.isOp("&")) {
                operator = t.op;
                pos++;
            } else if (t.kind == Kind.NEWLINE) {
                operator = ";";
                pos++;
            }
            if (out != null) {
                out.add(new Pipeline(List.copyOf(commands), operator, negated));
            }
        }
    }

    private List<ShellCommand> parsePipeline() {
        List<ShellCommand> commands = new ArrayList<>();
        while (true) {
            ShellCommand c = parseCommand();
            if (c == null) {
                return commands;
            }
            commands.add(c);
            if (!(peek().isOp("|") || peek().isOp("|&"))) {
                return commands;
            }
            pos++;
            skipNewlines();
        }
    }

    /** One simple or compound command, or null when the next token cannot start one. */
    private ShellCommand parseCommand() {
        Token t = peek();
        if (atListEnd() || t.kind == Kind.NEWLINE) {
            return null;
        }
        if (t.kind == Kind.OP && t.op.equals("(")) {
            if (peek(1).isOp("(") && peek(1).offset == t.offset + 1) {
                skipArithmetic();
                return compound("((", t, List.of());
            }
            pos++;
            body(Set.of(), null, ")");
            return compound("(", t, List.of());
        }
        if (t.kind == Kind.WORD && !t.word.quoted()) {
            switch (t.word.raw()) {
                case "{" -> {
                    pos++;
                    body(Set.of(), "}", null);
                    return compound("{", t, List.of());
                }
                case "if" -> {
                    pos++;
                    body(Set.of("then", "elif", "else"), "fi", null);
                    return compound("if", t, List.of());
                }
                case "while", "until" -> {
                    pos++;
                    body(Set.of("do"), "done", null);
                    return compound(t.word.raw(), t, List.of());
                }
                case "for", "select" -> {
                    return parseFor(t);
                }
                case "case" -> {
                    return parseCase(t);
                }
                case "function" -> {
                    return parseFunction(t, true);
                }
                case "[[" -> {
                    return parseDoubleBracket(t);
                }
                default -> {
                    if (peek(1).isOp("(") && peek(2).isOp(")")) {
                        return parseFunction(t, false);
                    }
                }
            }
        }
        return parseSimple();
    }

    /**
     * Reads lists separated by {@code middles} (e.g. then/else) until {@code endWord} or {@code endOp}, which is
     * consumed. Tolerant: stops without error at any other closer. Past the depth budget it returns at once,
     * leaving the body to be read as a flat sequence by the caller.
     */
    private void body(Set<String> middles, String endWord, String endOp) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        depth++;
        try {
            while (true) {
                parseList(null);
                Token t = peek();
                if (endWord != null && t.isWord(endWord) || endOp != null && t.isOp(endOp)) {
                    pos++;
                    return;
                }
                if (t.kind == Kind.WORD && !t.word.quoted() && middles.contains(t.word.raw())) {
                    pos++;
                    continue;
                }
                return;
            }
        } finally {
            depth--;
        }
    }

    /** A compound command stands in its pipeline as a placeholder named after its opening keyword. */
    private ShellCommand compound(String keyword, Token opening, List<ShellWord> extra) {
        List<ShellWord> words = new ArrayList<>();
        words.add(new ShellWord(keyword, keyword, false, opening.offset));
        words.addAll(extra);
        List<Redirect> redirects = new ArrayList<>();
        while (peek().kind == Kind.OP && isRedirect(peek().op)) {
            redirects.add(readRedirect(null));
        }
        return new ShellCommand(List.copyOf(words), Map.of(), List.copyOf(redirects), opening.offset, null,
                childShellOf);
    }

    private void skipArithmetic() {
        int balance = 0;
        do {
            Token t = peek();
            if (t.kind == Kind.EOF || t.kind == Kind.NEWLINE) {
                return;
            }
            balance += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            pos++;
        } while (balance > 0);
    }

    private ShellCommand parseFor(Token t) {
        pos++;
        if (peek().isOp("(")) {
            skipArithmetic();
        } else if (peek().kind == Kind.WORD) {
            pos++;
        }
        skipNewlines();
        if (peek().isWord("in")) {
            pos++;
            while (peek().kind == Kind.WORD) {
                substitutions(peek());
                pos++;
            }
        }
        while (peek().isOp(";") || peek().kind == Kind.NEWLINE) {
            pos++;
        }
        if (peek().isWord("{")) {
            pos++;
            body(Set.of(), "}", null);
        } else if (peek().isWord("do")) {
            pos++;
            body(Set.of(), "done", null);
        }
        return compound(t.word.raw(), t, List.of());
    }

    private ShellCommand parseCase(Token t) {
        pos++;
        if (peek().kind == Kind.WORD) {
            substitutions(peek());
            pos++;
        }
        skipNewlines();
        if (peek().isWord("in")) {
            pos++;
        }
        if (depth >= MAX_DEPTH) {
            return compound("case", t, List.of());
        }
        depth++;
        try {
            while (true) {
                skipNewlines();
                Token p = peek();
                if (p.kind == Kind.EOF) {
                    break;
                }
                if (p.isWord("esac")) {
                    pos++;
                    break;
                }
                int start = pos;
                if (peek().isOp("(")) {
                    pos++;
                }
                while (peek().kind == Kind.WORD || peek().isOp("|")) {
                    pos++;
                }
                if (!peek().isOp(")")) {
                    break; // not a pattern: leave it to the enclosing list
                }
                pos++;
                parseList(null);
                if (peek().isOp(";;") || peek().isOp(";&") || peek().isOp(";;&")) {
                    pos++;
                }
                if (pos == start) {
                    break;
                }
            }
        } finally {
            depth--;
        }
        return compound("case", t, List.of());
    }

    private ShellCommand parseFunction(Token t, boolean keyword) {
        pos++;
        ShellWord name = t.word;
        if (keyword && peek().kind == Kind.WORD) {
            name = peek().word;
            pos++;
        }
        if (peek().isOp("(") && peek(1).isOp(")")) {
            pos += 2;
        }
        skipNewlines();
        if (depth < MAX_DEPTH) {
            depth++;
            try {
                parseCommand();
            } finally {
                depth--;
            }
        }
        return compound("function", t, List.of(name));
    }

    /** {@code [[ … ]]} is a bash keyword, not a command; its words are kept on the placeholder. */
    private ShellCommand parseDoubleBracket(Token t) {
        pos++;
        List<ShellWord> words = new ArrayList<>();
        while (true) {
            Token w = peek();
            if (w.kind == Kind.EOF || w.kind == Kind.NEWLINE) {
                break;
            }
            pos++;
            if (w.isWord("]]")) {
                break;
            }
            if (w.kind == Kind.WORD) {
                substitutions(w);
                words.add(w.word);
            } else {
                words.add(new ShellWord(w.op, w.op, false, w.offset));
            }
        }
        return compound("[[", t, words);
    }

    private static boolean isRedirect(String op) {
        char first = op.charAt(0);
        return op.contains("<") || op.contains(">") || Character.isDigit(first);
    }

    private final Map<Redirect, ShellLexer.Body> heredocs = new java.util.IdentityHashMap<>();

    private Redirect readRedirect(List<Token> wordTokens) {
        String op = peek().op;
        int opOffset = peek().offset;
        pos++;
        Token target = peek();
        Redirect r;
        if (target.kind == Kind.WORD) {
            pos++;
            r = new Redirect(op, target.word);
            if (wordTokens != null) {
                wordTokens.add(target);
            }
            if (target.heredoc != null) {
                heredocs.put(r, target.heredoc);
            }
        } else {
            r = new Redirect(op, new ShellWord("", "", false, opOffset + op.length()));
        }
        return r;
    }

    private ShellCommand parseSimple() {
        List<ShellWord> words = new ArrayList<>();
        Map<String, String> assignments = new LinkedHashMap<>();
        List<Redirect> redirects = new ArrayList<>();
        List<Token> wordTokens = new ArrayList<>();
        int offset = peek().offset;
        while (true) {
            Token t = peek();
            if (t.kind == Kind.WORD) {
                String name = words.isEmpty() ? ShellWords.assignedName(t.word) : null;
                if (name != null) {
                    assignments.put(name, ShellWords.assignedValue(t.word));
                } else {
                    words.add(t.word);
                }
                wordTokens.add(t);
                pos++;
            } else if (t.kind == Kind.OP && isRedirect(t.op)) {
                redirects.add(readRedirect(wordTokens));
            } else {
                break;
            }
        }
        if (wordTokens.isEmpty() && redirects.isEmpty()) {
            return null;
        }
        ShellCommand command = new ShellCommand(List.copyOf(words), Collections.unmodifiableMap(assignments),
                List.copyOf(redirects), offset, null, childShellOf);
        sink.add(command);
        expand(command);
        for (Token w : wordTokens) {
            substitutions(w);
        }
        return command;
    }

    /** Adds what a command runs in turn: wrapped commands, {@code sh -c} strings, here-documents fed to a shell. */
    private void expand(ShellCommand command) {
        List<ShellCommand> queue = new ArrayList<>();
        queue.add(command);
        for (int k = 0; k < queue.size() && k < MAX_DEPTH; k++) {
            ShellCommand c = queue.get(k);
            shellString(c);
            heredocScript(c);
            for (ShellCommand wrapped : Wrappers.unwrap(c)) {
                sink.add(wrapped);
                queue.add(wrapped);
            }
        }
    }

    private void shellString(ShellCommand c) {
        ShellWord script = Wrappers.shellScriptArgument(c);
        if (script == null || depth >= MAX_DEPTH) {
            return;
        }
        String raw = script.raw();
        String text = script.text();
        boolean wrapped = raw.length() == text.length() + 2
                && (raw.startsWith("'") && raw.endsWith("'") || raw.startsWith("\"") && raw.endsWith("\""))
                && raw.regionMatches(1, text, 0, text.length());
        boolean exact = wrapped || raw.equals(text);
        // RUN ["sh", "-c", "…"]: that shell is the instruction's own, as /bin/sh -c is for the shell form
        ShellCommand starter = execForm ? childShellOf : c;
        parse(text, script.offset() + (wrapped ? 1 : 0), exact, depth + 1, sink, starter, false);
    }

    /** {@code RUN <<EOF} (no command) and {@code bash <<EOF} run the here-document as a script. */
    private void heredocScript(ShellCommand c) {
        boolean shell = c.words().isEmpty() && c.assignments().isEmpty()
                || SHELLS.contains(c.name()) && !c.hasFlag("-c") && (c.operands().isEmpty() || c.hasFlag("-s"));
        if (!shell || depth >= MAX_DEPTH) {
            return;
        }
        for (Redirect r : c.redirects()) {
            ShellLexer.Body body = heredocs.get(r);
            if (body != null && (r.operator().endsWith("<<") || r.operator().endsWith("<<-"))) {
                parse(body.text(), body.offset(), true, depth + 1, sink, c.words().isEmpty() ? childShellOf : c,
                        false);
            }
        }
    }

    private void substitutions(Token t) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (Subst s : t.substs) {
            parse(s.text(), s.offset(), s.exact(), depth + 1, sink, childShellOf, false);
        }
    }
}
