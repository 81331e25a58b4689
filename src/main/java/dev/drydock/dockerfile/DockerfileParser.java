package dev.drydock.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfiles the way BuildKit's frontend does (moby/buildkit {@code frontend/dockerfile/parser}).
 *
 * <p>Hand-written: no Java library parses Dockerfiles, and a linter needs what BuildKit's own parser throws away
 * (the position of every flag, word and heredoc, comments inside continuations). One pass over the lines, linear in
 * the size of the file; the only exception it throws is {@link DockerfileSyntaxException}.
 *
 * <p>Deliberate differences from BuildKit, all in the direction of reporting rather than refusing: instructions
 * other than ARG before the first FROM parse (rule DL3061 reports them), so do duplicate stage names (DL3024;
 * references then resolve to the latest stage of that name) and {@code ONBUILD ONBUILD},
 * {@code ONBUILD FROM} and {@code ONBUILD MAINTAINER} (rule DL3043).
 */
public final class DockerfileParser {

    /** Files larger than this are refused (BuildKit itself has no limit, but a Dockerfile this big is not one). */
    public static final long MAX_SIZE = 8L * 1024 * 1024;

    /** Every instruction BuildKit knows. */
    public static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");

    /**
     * The keyword an unknown instruction was probably meant to be: the candidate at the smallest edit distance
     * (Levenshtein, at most 2), ties going to the alphabetically first, so that the hint is the same whatever
     * order {@code candidates} iterates in ({@link #KEYWORDS} is a {@code Set.of}, whose order changes from one
     * JVM run to the next); {@code null} when none is that close.
     */
    static String suggestKeyword(String word, java.util.Collection<String> candidates) {
        if (word.length() > 14) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        boolean bestAbbreviates = false;
        for (String k : new java.util.TreeSet<>(candidates)) {
            int d = Parse.distance(word, k);
            boolean abbreviates = abbreviates(word, k);
            // among equal distances a keyword the word abbreviates (CP: COPY) wins, then the alphabetically first
            if (d < bestDistance || d == bestDistance && abbreviates && !bestAbbreviates) {
                bestDistance = d;
                best = k;
                bestAbbreviates = abbreviates;
            }
        }
        return best;
    }

    /** Whether {@code word}'s letters appear in {@code keyword} in order ({@code CP} in {@code COPY}). */
    private static boolean abbreviates(String word, String keyword) {
        int j = 0;
        for (int i = 0; i < keyword.length() && j < word.length(); i++) {
            if (Character.toUpperCase(word.charAt(j)) == keyword.charAt(i)) {
                j++;
            }
        }
        return j == word.length();
    }

    /** The flags each instruction accepts (BuildKit's {@code instructions/parse.go}, including the labs ones). */
    static final Map<String, Set<String>> FLAGS = Map.ofEntries(
            Map.entry("FROM", Set.of("platform")),
            Map.entry("RUN", Set.of("mount", "network", "security", "device")),
            Map.entry("COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude")),
            Map.entry("ADD", Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack",
                    "parents")),
            Map.entry("HEALTHCHECK", Set.of("interval", "timeout", "start-period", "start-interval", "retries")));

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9\\-_.]*");

    private DockerfileParser() {
    }

    /** Parses source text; {@code name} is used in error messages and findings. */
    public static Dockerfile parse(String name, String source) throws DockerfileSyntaxException {
        return new Parse(name, source).run();
    }

    /** The state of one parse. */
    private static final class Parse {
        private final String name;
        private final String src;
        private final int[] lineStarts;
        private final int lineCount;
        private char escape = '\\';

        private final List<Directive> directives = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<Instruction> globalArgs = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();

        // variable scoping
        private final Scope globals = new Scope(null);
        private Scope scope; // current stage's scope, null before the first FROM
        private final List<Scope> stageEnv = new ArrayList<>(); // ENV per stage, for stages built on it
        private final Map<String, Integer> stageNames = new HashMap<>();

        // the open stage
        private Instruction stageFrom;
        private String stageName;
        private String stageImage;
        private String stageImageExpanded;
        private String stagePlatform;
        private int stageParent;
        private List<Instruction> stageBody;

        Parse(String name, String source) {
            this.name = name;
            this.src = source.startsWith("\uFEFF") ? source.substring(1) : source;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            lineCount = lineStarts.length;
        }

        Dockerfile run() throws DockerfileSyntaxException {
            if (src.length() > MAX_SIZE) {
                throw error(Position.START, "file is larger than " + MAX_SIZE / (1024 * 1024) + " MiB; is it really a Dockerfile?");
            }
            int ln = readDirectives();
            while (ln < lineCount) {
                int start = lineStarts[ln];
                int end = lineEnd(ln);
                int first = skipBlank(start, end);
                if (first == end) {
                    ln++;
                    continue;
                }
                if (src.charAt(first) == '#') {
                    comments.add(new Comment(src.substring(first + 1, end).trim(), pos(first)));
                    ln++;
                    continue;
                }
                ln = instruction(ln, first);
            }
            if (instructions.isEmpty()) {
                throw error(Position.START, "file with no instructions");
            }
            closeStage();
            if (stages.isEmpty()) {
                throw error(instructions.get(0).start(), "no build stage: the file has no FROM instruction");
            }
            return new Dockerfile(name, src, directives, escape, globalArgs, instructions, stages, comments);
        }

        // ---------------------------------------------------------------- lines

        private int lineEnd(int ln) {
            int end = ln + 1 < lineCount ? lineStarts[ln + 1] - 1 : src.length();
            if (end > lineStarts[ln] && src.charAt(end - 1) == '\r') {
                end--;
            }
            return end;
        }

        private int skipBlank(int from, int to) {
            while (from < to && isBlank(src.charAt(from))) {
                from++;
            }
            return from;
        }

        Position pos(int offset) {
            int lo = 0;
            int hi = lineCount - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return new Position(lo + 1, offset - lineStarts[lo] + 1, offset);
        }

        DockerfileSyntaxException error(Position at, String reason) {
            return new DockerfileSyntaxException(name, at.line(), at.column(), reason);
        }

        private int readDirectives() throws DockerfileSyntaxException {
            int ln = 0;
            Set<String> seen = new java.util.HashSet<>();
            while (ln < lineCount) {
                int start = lineStarts[ln];
                String line = src.substring(start, lineEnd(ln));
                Matcher m = DIRECTIVE.matcher(line);
                if (!m.matches()) {
                    break;
                }
                String key = m.group(1).toLowerCase(Locale.ROOT);
                if (!DIRECTIVES.contains(key)) {
                    break;
                }
                if (!seen.add(key)) {
                    throw error(pos(start), "only one " + key + " parser directive can be used");
                }
                String value = m.group(2);
                if (key.equals("escape")) {
                    if (!value.equals("\\") && !value.equals("`")) {
                        throw error(pos(start + m.start(2)), "invalid escape token '" + value
                                + "' does not match ` or \\");
                    }
                    escape = value.charAt(0);
                }
                directives.add(new Directive(key, value, pos(start)));
                ln++;
            }
            return ln;
        }

        // ---------------------------------------------------------------- instructions

        /** Reads the logical line starting at physical line {@code ln}, then its heredocs; returns the next line. */
        private int instruction(int ln, int first) throws DockerfileSyntaxException {
            Logical l = new Logical();
            int end = lineEnd(ln);
            l.append(src, first, end);
            while (true) {
                int cont = continuation(l);
                if (cont < 0) {
                    break;
                }
                l.truncate(cont);
                int next = ln + 1;
                while (next < lineCount) { // empty lines and comment lines inside a continuation are skipped
                    int s = lineStarts[next];
                    int e = lineEnd(next);
                    int f = skipBlank(s, e);
                    if (f == e) {
                        next++;
                    } else if (src.charAt(f) == '#') {
                        comments.add(new Comment(src.substring(f + 1, e).trim(), pos(f)));
                        next++;
                    } else {
                        break;
                    }
                }
                if (next >= lineCount) {
                    ln = next - 1;
                    break;
                }
                ln = next;
                l.append(src, lineStarts[ln], lineEnd(ln));
            }
            l.trimRight();
            int lineStart = lineStarts[pos(l.offset(0)).line() - 1];
            Built b = build(l, 0, true);
            int after = ln + 1;
            List<Heredoc> heredocs = List.of();
            int endOffset = l.endOffset();
            if (!b.heredocMarkers.isEmpty()) {
                heredocs = new ArrayList<>();
                for (Marker m : b.heredocMarkers) {
                    StringBuilder body = new StringBuilder();
                    Position bodyStart = after < lineCount ? pos(lineStarts[after]) : pos(src.length());
                    boolean closed = false;
                    while (after < lineCount) {
                        int s = lineStarts[after];
                        int e = lineEnd(after);
                        String line = src.substring(s, e);
                        if (m.stripTabs) {
                            int t = 0;
                            while (t < line.length() && line.charAt(t) == '\t') {
                                t++;
                            }
                            line = line.substring(t);
                        }
                        after++;
                        if (line.equals(m.delimiter)) {
                            closed = true;
                            endOffset = e;
                            break;
                        }
                        body.append(line).append('\n');
                    }
                    if (!closed) {
                        throw error(m.position, "unterminated heredoc <<" + m.delimiter + " (started on line "
                                + m.position.line() + "): add a line with just " + m.delimiter);
                    }
                    heredocs.add(new Heredoc(m.delimiter, m.quoted, m.stripTabs, body.toString(), m.position, bodyStart));
                }
            }
            Instruction i = place(b, heredocs, pos(endOffset), src.substring(lineStart, endOffset));
            instructions.add(i);
            return after;
        }

        /** If the logical line ends with the escape character (and optional blanks), the index of that escape. */
        private int continuation(Logical l) {
            int k = l.length() - 1;
            while (k >= 0 && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) {
                k--;
            }
            return k >= 0 && l.charAt(k) == escape ? k : -1;
        }

        /** What {@link #build} found before scoping: the parts of an instruction. */
        private record Built(String keyword, List<Flag> flags, boolean execForm, List<Word> args, String text,
                             Position textStart, List<KeyValue> pairs, Position start, Built onbuild,
                             List<Marker> heredocMarkers) {
        }

        private record Marker(String delimiter, boolean quoted, boolean stripTabs, Position position) {
        }

        /** Parses the instruction that starts at {@code from} in the logical line. */
        private Built build(Logical l, int from, boolean topLevel) throws DockerfileSyntaxException {
            int n = l.length();
            int p = from;
            while (p < n && !isBlank(l.charAt(p))) {
                p++;
            }
            String word = l.substring(from, p);
            String keyword = word.toUpperCase(Locale.ROOT);
            Position start = pos(l.offset(from));
            if (!KEYWORDS.contains(keyword)) {
                String hint = suggest(keyword);
                throw error(start, "unknown instruction: " + word + (hint == null ? "" : " (did you mean " + hint + "?)"));
            }
            p = skip(l, p);
            if (keyword.equals("ONBUILD")) {
                if (p >= n) {
                    throw error(start, "ONBUILD requires at least one argument");
                }
                Built trigger = build(l, p, false);
                return new Built(keyword, List.of(), false, words(l, p, n), l.substring(p, n), pos(l.offset(p)),
                        List.of(), start, trigger, List.of());
            }
            List<Flag> flags = new ArrayList<>();
            while (p + 1 < n && l.charAt(p) == '-' && l.charAt(p + 1) == '-') {
                int e = wordEnd(l, p);
                String f = l.substring(p + 2, e);
                if (f.isEmpty()) { // a lone "--" ends the flags
                    p = skip(l, e);
                    break;
                }
                int eq = f.indexOf('=');
                String fname = (eq < 0 ? f : f.substring(0, eq)).toLowerCase(Locale.ROOT);
                String fvalue = eq < 0 ? null : unquote(f.substring(eq + 1));
                Position fpos = pos(l.offset(p));
                Set<String> allowed = FLAGS.getOrDefault(keyword, Set.of());
                if (!allowed.contains(fname)) {
                    throw error(fpos, "unknown flag: --" + fname + " for " + keyword
                            + (allowed.isEmpty() ? " (it takes no flags)" : " (allowed: --" + String.join(", --",
                            allowed.stream().sorted().toList()) + ")"));
                }
                flags.add(new Flag(fname, fvalue, fpos));
                p = skip(l, e);
            }
            String text = l.substring(p, n);
            Position textStart = pos(p < n ? l.offset(p) : l.endOffset());
            List<Marker> markers = topLevel && (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD"))
                    ? heredocMarkers(l, p, n) : List.of();
            boolean exec = false;
            List<Word> args;
            List<KeyValue> pairs = List.of();
            switch (keyword) {
                case "RUN", "CMD", "ENTRYPOINT" -> {
                    List<Word> json = json(l, p, n);
                    exec = json != null;
                    args = exec ? json : words(l, p, n);
                    if (args.isEmpty() && keyword.equals("RUN")) {
                        throw error(start, "RUN requires at least one argument");
                    }
                }
                case "SHELL" -> {
                    args = json(l, p, n);
                    if (args == null || args.isEmpty()) {
                        throw error(textStart, "SHELL requires the arguments to be in JSON form, such as "
                                + "SHELL [\"/bin/bash\", \"-c\"]");
                    }
                    exec = true;
                }
                case "COPY", "ADD", "VOLUME" -> {
                    List<Word> json = json(l, p, n);
                    exec = json != null;
                    args = exec ? json : words(l, p, n);
                    if (keyword.equals("VOLUME") ? args.isEmpty() : args.size() < 2) {
                        throw error(start, keyword + (keyword.equals("VOLUME") ? " requires at least one argument"
                                : " requires at least two arguments, but only " + args.size() + " "
                                + (args.size() == 1 ? "was" : "were") + " provided. Destination could not be determined."));
                    }
                }
                case "HEALTHCHECK" -> {
                    int e = wordEnd(l, p);
                    String sub = l.substring(p, e).toUpperCase(Locale.ROOT);
                    if (sub.equals("NONE")) {
                        if (skip(l, e) < n) {
                            throw error(textStart, "HEALTHCHECK NONE takes no arguments");
                        }
                        args = words(l, p, n);
                    } else if (sub.equals("CMD")) {
                        int c = skip(l, e);
                        if (c >= n) {
                            throw error(textStart, "HEALTHCHECK CMD requires a command");
                        }
                        List<Word> cmd = json(l, c, n);
                        exec = cmd != null;
                        args = new ArrayList<>(words(l, p, e));
                        args.addAll(exec ? cmd : words(l, c, n));
                        text = l.substring(c, n); // the command, as for CMD
                        textStart = pos(l.offset(c));
                    } else {
                        throw error(textStart, "HEALTHCHECK requires CMD or NONE, found " + (sub.isEmpty() ? "nothing" : sub));
                    }
                }
                case "ENV", "LABEL" -> {
                    args = words(l, p, n);
                    pairs = pairs(keyword, l, p, n, args, start);
                }
                case "ARG" -> {
                    args = words(l, p, n);
                    if (args.isEmpty()) {
                        throw error(start, "ARG requires at least one argument");
                    }
                    pairs = new ArrayList<>();
                    for (Word w : args) {
                        int eq = w.raw().indexOf('=');
                        String key = eq < 0 ? w.text() : unquote(w.raw().substring(0, eq));
                        if (key.isEmpty()) {
                            throw error(w.position(), "ARG names can not be blank");
                        }
                        pairs.add(new KeyValue(key, eq < 0 ? null : unquote(w.raw().substring(eq + 1)), w.position()));
                    }
                }
                default -> {
                    args = words(l, p, n);
                    if (args.isEmpty() && !keyword.equals("MAINTAINER")) {
                        throw error(start, keyword + " requires at least one argument");
                    }
                    if (keyword.equals("FROM") && !(args.size() == 1
                            || (args.size() == 3 && args.get(1).text().equalsIgnoreCase("as")))) {
                        throw error(start, "FROM requires either one or three arguments: FROM [--platform=...] "
                                + "image[:tag|@digest] [AS name]");
                    }
                    if (keyword.equals("MAINTAINER") && args.isEmpty()) {
                        throw error(start, "MAINTAINER requires exactly one argument");
                    }
                }
            }
            return new Built(keyword, flags, exec, args, text, textStart, pairs, start, null, markers);
        }

        private List<KeyValue> pairs(String keyword, Logical l, int from, int to, List<Word> words, Position start)
                throws DockerfileSyntaxException {
            if (words.isEmpty()) {
                throw error(start, keyword + " requires at least one argument");
            }
            List<KeyValue> out = new ArrayList<>();
            Word firstWord = words.get(0);
            int firstEq = unquotedEquals(firstWord.raw());
            if (firstEq < 0) { // legacy "ENV name value with spaces"
                if (words.size() < 2) {
                    throw error(firstWord.position(), keyword + " " + firstWord.text() + " has no value: write "
                            + keyword + " " + firstWord.text() + "=value");
                }
                int valueAt = skip(l, wordEnd(l, from));
                out.add(new KeyValue(firstWord.text(), unquote(l.substring(valueAt, to)), firstWord.position()));
                return out;
            }
            for (Word w : words) {
                int eq = unquotedEquals(w.raw());
                if (eq < 0) {
                    throw error(w.position(), "Syntax error - can't find = in \"" + w.raw()
                            + "\". Must be of the form: name=value");
                }
                String key = unquote(w.raw().substring(0, eq));
                if (key.isEmpty()) {
                    throw error(w.position(), keyword + " names can not be blank");
                }
                out.add(new KeyValue(key, unquote(w.raw().substring(eq + 1)), w.position()));
            }
            return out;
        }

        /** Scopes the built instruction (stage, variables), tracks stages; returns the record. */
        private Instruction place(Built b, List<Heredoc> heredocs, Position end, String source)
                throws DockerfileSyntaxException {
            Instruction onbuild = b.onbuild == null ? null : trigger(b.onbuild, end, source);
            if (b.keyword.equals("FROM")) {
                closeStage();
                Map<String, String> vars = globals.snapshot();
                String image = b.args.get(0).text();
                String expanded = Variables.expand(image, vars, escape);
                String stageNameValue = null;
                if (b.args.size() == 3) {
                    stageNameValue = b.args.get(2).text().toLowerCase(Locale.ROOT);
                    if (!STAGE_NAME.matcher(stageNameValue).matches()) {
                        throw error(b.args.get(2).position(), "invalid name for build stage: \"" + b.args.get(2).text()
                                + "\", name can't start with a number or contain symbols");
                    }
                    // A duplicate name is refused by BuildKit; parsed here so that DL3024 can report it.
                }
                int index = stages.size();
                Integer parent = stageNames.get(expanded.toLowerCase(Locale.ROOT));
                Instruction i = record(b, heredocs, end, source, null, index, vars);
                stageFrom = i;
                stageName = stageNameValue;
                stageImage = image;
                stageImageExpanded = expanded;
                stagePlatform = b.flags.stream().filter(f -> f.name().equals("platform")).map(Flag::value)
                        .findFirst().orElse(null);
                stageParent = parent == null ? -1 : parent;
                stageBody = new ArrayList<>();
                scope = new Scope(parent == null ? null : stageEnv.get(parent));
                if (stageNameValue != null) {
                    stageNames.put(stageNameValue, index);
                }
                // placeholder so stageEnv.get(index) exists while the stage is open
                stageEnv.add(scope);
                return i;
            }
            Scope current = scope == null ? globals : scope;
            Map<String, String> before = current.snapshot();
            Instruction i = record(b, heredocs, end, source, onbuild, currentStage(), before);
            if (b.keyword.equals("ARG")) {
                for (KeyValue kv : b.pairs) {
                    String value;
                    if (kv.value() != null) {
                        value = Variables.expand(kv.value(), before, escape);
                    } else if (scope != null) {
                        value = globals.get(kv.key()); // an ARG without default takes the global one
                    } else {
                        value = null;
                    }
                    current.put(kv.key(), value, false);
                }
                if (scope == null) {
                    globalArgs.add(i);
                }
            } else if (b.keyword.equals("ENV")) {
                for (KeyValue kv : b.pairs) {
                    current.put(kv.key(), Variables.expand(kv.value(), before, escape), true);
                }
            }
            if (stageBody != null) {
                stageBody.add(i);
            }
            return i;
        }

        private Instruction trigger(Built b, Position end, String source) {
            Instruction inner = b.onbuild == null ? null : trigger(b.onbuild, end, source);
            return record(b, List.of(), end, source, inner, currentStage(), snapshot());
        }

        private int currentStage() {
            return stageBody == null ? -1 : stages.size();
        }

        private Map<String, String> snapshot() {
            return (scope == null ? globals : scope).snapshot();
        }

        private Instruction record(Built b, List<Heredoc> heredocs, Position end, String source, Instruction onbuild,
                                   int stage, Map<String, String> vars) {
            return new Instruction(b.keyword, b.flags, b.execForm, b.args, b.text, b.textStart, b.pairs, heredocs,
                    b.start, end, source, onbuild, stage, vars);
        }

        private void closeStage() {
            if (stageBody != null) {
                stages.add(new Stage(stages.size(), stageName, stageFrom, stageImage, stageImageExpanded, stagePlatform,
                        stageBody, stageParent));
                stageBody = null;
            }
        }

        // ---------------------------------------------------------------- words

        private static int skip(Logical l, int p) {
            while (p < l.length() && isBlank(l.charAt(p))) {
                p++;
            }
            return p;
        }

        /** End of the blank-delimited word at {@code p}; quotes group blanks into the word. */
        private int wordEnd(Logical l, int p) {
            char quote = 0;
            int n = l.length();
            while (p < n) {
                char c = l.charAt(p);
                if (quote != 0) {
                    if (c == escape && quote == '"' && p + 1 < n) {
                        p += 2;
                        continue;
                    }
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == escape && p + 1 < n) {
                    p += 2;
                    continue;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (isBlank(c)) {
                    break;
                }
                p++;
            }
            return Math.min(p, n);
        }

        /** Quote-aware words of {@code [from, to)}: text has quotes removed and escapes applied (not {@code \$}). */
        private List<Word> words(Logical l, int from, int to) {
            List<Word> out = new ArrayList<>();
            int p = skip(l, from);
            while (p < to) {
                int e = Math.min(wordEnd(l, p), to);
                String raw = l.substring(p, e);
                out.add(new Word(unquote(raw), raw, pos(l.offset(p))));
                p = skip(l, e);
            }
            return out;
        }

        /** BuildKit's quote removal for one word; escapes before {@code $} are kept so that expansion sees them. */
        private String unquote(String raw) {
            if (raw.indexOf('"') < 0 && raw.indexOf('\'') < 0 && raw.indexOf(escape) < 0) {
                return raw;
            }
            StringBuilder sb = new StringBuilder(raw.length());
            char quote = 0;
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (quote == '\'') {
                    if (c == '\'') {
                        quote = 0;
                    } else {
                        sb.append(c);
                    }
                } else if (c == escape && k + 1 < raw.length()) {
                    char next = raw.charAt(k + 1);
                    if (quote == '"' && next != '"' && next != escape && next != '$') {
                        sb.append(c); // inside double quotes the escape only escapes ", $ and itself
                    } else if (next == '$') {
                        sb.append(c).append(next);
                        k++;
                    } else {
                        sb.append(next);
                        k++;
                    }
                } else if (quote == '"') {
                    if (c == '"') {
                        quote = 0;
                    } else {
                        sb.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** Index of the first {@code =} outside quotes, or -1. */
        private int unquotedEquals(String raw) {
            char quote = 0;
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == escape) {
                    k++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '=') {
                    return k;
                }
            }
            return -1;
        }

        /**
         * Heredoc markers as BuildKit finds them: a blank-delimited word that starts with optional digits and
         * {@code <<} (not {@code <<<}), an optional {@code -}, and a delimiter, optionally quoted.
         */
        private List<Marker> heredocMarkers(Logical l, int from, int to) {
            List<Marker> out = new ArrayList<>();
            int p = skip(l, from);
            while (p < to) {
                int e = Math.min(wordEnd(l, p), to);
                int k = p;
                while (k < e && Character.isDigit(l.charAt(k))) {
                    k++;
                }
                if (k + 2 < e && l.charAt(k) == '<' && l.charAt(k + 1) == '<' && l.charAt(k + 2) != '<') {
                    int markerAt = k;
                    k += 2;
                    boolean strip = false;
                    if (l.charAt(k) == '-') {
                        strip = true;
                        k++;
                    }
                    boolean quoted = false;
                    StringBuilder delim = new StringBuilder();
                    char quote = 0;
                    for (; k < e; k++) {
                        char c = l.charAt(k);
                        if (quote != 0) {
                            if (c == quote) {
                                quote = 0;
                            } else {
                                delim.append(c);
                            }
                        } else if (c == '"' || c == '\'') {
                            quote = c;
                            quoted = true;
                        } else if (c == escape && k + 1 < e) {
                            quoted = true;
                            delim.append(l.charAt(++k));
                        } else if (c == '>' || c == '|' || c == ';' || c == '&' || c == '(' || c == ')' || c == '<') {
                            break;
                        } else {
                            delim.append(c);
                        }
                    }
                    if (delim.length() > 0) {
                        out.add(new Marker(delim.toString(), quoted, strip, pos(l.offset(markerAt))));
                    }
                }
                p = skip(l, e);
            }
            return out;
        }

        /**
         * The JSON array of strings in {@code [from, to)}, with positions, or {@code null} when it is not one (then
         * BuildKit takes the shell form). Hand-written because the position of every element is needed.
         */
        private List<Word> json(Logical l, int from, int to) {
            int p = skip(l, from);
            if (p >= to || l.charAt(p) != '[') {
                return null;
            }
            List<Word> out = new ArrayList<>();
            p = skip(l, p + 1);
            if (p < to && l.charAt(p) == ']') {
                return skip(l, p + 1) >= to ? out : null;
            }
            while (true) {
                if (p >= to || l.charAt(p) != '"') {
                    return null;
                }
                int startAt = p;
                StringBuilder sb = new StringBuilder();
                p++;
                while (true) {
                    if (p >= to) {
                        return null;
                    }
                    char c = l.charAt(p);
                    if (c == '"') {
                        p++;
                        break;
                    }
                    if (c < 0x20) {
                        return null;
                    }
                    if (c == '\\') {
                        if (p + 1 >= to) {
                            return null;
                        }
                        char e = l.charAt(p + 1);
                        switch (e) {
                            case '"', '\\', '/' -> sb.append(e);
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'n' -> sb.append('\n');
                            case 'r' -> sb.append('\r');
                            case 't' -> sb.append('\t');
                            case 'u' -> {
                                if (p + 6 > to) {
                                    return null;
                                }
                                try {
                                    sb.append((char) Integer.parseInt(l.substring(p + 2, p + 6), 16));
                                } catch (NumberFormatException ex) {
                                    return null;
                                }
                                p += 4;
                            }
                            default -> {
                                return null;
                            }
                        }
                        p += 2;
                    } else {
                        sb.append(c);
                        p++;
                    }
                }
                out.add(new Word(sb.toString(), l.substring(startAt, p), pos(l.offset(startAt))));
                p = skip(l, p);
                if (p < to && l.charAt(p) == ',') {
                    p = skip(l, p + 1);
                } else if (p < to && l.charAt(p) == ']') {
                    return skip(l, p + 1) >= to ? out : null;
                } else {
                    return null;
                }
            }
        }

        private static String suggest(String keyword) {
            return suggestKeyword(keyword, KEYWORDS);
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** A logical line: continuation lines joined, each character remembering its offset in the source. */
    private static final class Logical {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[128];
        private int end;

        void append(String src, int from, int to) {
            if (offsets.length < text.length() + (to - from) + 1) {
                offsets = java.util.Arrays.copyOf(offsets, Math.max(offsets.length * 2, text.length() + (to - from) + 1));
            }
            for (int k = from; k < to; k++) {
                offsets[text.length()] = k;
                text.append(src.charAt(k));
            }
            end = to;
        }

        void truncate(int length) {
            text.setLength(length);
        }

        void trimRight() {
            int k = text.length();
            while (k > 0 && isBlank(text.charAt(k - 1))) {
                k--;
            }
            text.setLength(k);
        }

        int length() {
            return text.length();
        }

        char charAt(int i) {
            return text.charAt(i);
        }

        String substring(int from, int to) {
            return text.substring(from, to);
        }

        int offset(int i) {
            return i < text.length() ? offsets[i] : endOffset();
        }

        /** The source offset just after the last character. */
        int endOffset() {
            return text.length() == 0 ? end : offsets[text.length() - 1] + 1;
        }
    }

    /**
     * Variables in scope, as an append-only log so that every instruction can keep the scope it saw without a copy
     * per instruction (which would make parsing quadratic on files with many ENV lines). Snapshots are read-only
     * views, materialised on first use.
     */
    private static final class Scope {
        private final Scope inherited; // the ENV of the stage this one builds on
        private final List<String[]> log = new ArrayList<>();
        private final Map<String, String> live = new LinkedHashMap<>();
        private final List<String[]> envLog = new ArrayList<>();
        private Map<String, String> last;

        Scope(Scope inherited) {
            this.inherited = inherited;
            if (inherited != null) {
                for (String[] kv : inherited.envLog) {
                    put(kv[0], kv[1], true);
                }
            }
        }

        void put(String key, String value, boolean env) {
            log.add(new String[] {key, value});
            if (env) {
                envLog.add(new String[] {key, value});
            }
            live.remove(key);
            live.put(key, value);
            last = null;
        }

        String get(String key) {
            return live.get(key);
        }

        Map<String, String> snapshot() {
            if (last == null) {
                last = new LogView(log, log.size());
            }
            return last;
        }
    }

    /** A read-only view of a scope log's first {@code size} entries. */
    private static final class LogView extends java.util.AbstractMap<String, String> {
        private final List<String[]> log;
        private final int size;
        private Map<String, String> map;

        LogView(List<String[]> log, int size) {
            this.log = log;
            this.size = size;
        }

        private Map<String, String> map() {
            if (map == null) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int k = 0; k < size; k++) {
                    String[] kv = log.get(k);
                    m.remove(kv[0]);
                    m.put(kv[0], kv[1]);
                }
                map = java.util.Collections.unmodifiableMap(m);
            }
            return map;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return map().entrySet();
        }

        @Override
        public String get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }
    }
}
