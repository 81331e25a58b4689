package dev.drydock.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction with every part's position.
 *
 * <p>For HEALTHCHECK, {@code args} starts with the {@code CMD} or {@code NONE} word, followed by the command's
 * arguments (decoded JSON strings in exec form).
 *
 * @param keyword   upper-case instruction name ({@code RUN}); unknown instructions never get here (they are a
 *                  syntax error, as in BuildKit)
 * @param flags     the {@code --name[=value]} flags between keyword and arguments, in order
 * @param execForm  whether the arguments were written in JSON (exec) form {@code ["a","b"]}
 * @param args      the arguments: decoded JSON strings in exec form; otherwise whitespace-separated words after
 *                  quote processing (for RUN/CMD/ENTRYPOINT/SHELL in shell form, use {@link #text()} instead)
 * @param text      the argument text after the flags, continuation lines joined (the escape character and
 *                  newline removed, comment lines inside continuations dropped), not expanded; for
 *                  {@code HEALTHCHECK CMD} the command after {@code CMD}
 * @param textStart where {@link #text()} starts
 * @param pairs     for ENV, LABEL and ARG: the key/value pairs (legacy {@code ENV K V} form too); empty otherwise
 * @param heredocs  here-documents, in order of their {@code <<} markers
 * @param start     where the keyword starts
 * @param end       just after the last character of the instruction (including heredoc bodies)
 * @param source    the instruction's exact source text, from the keyword's line start to its end
 * @param onbuild   for ONBUILD: the trigger instruction; otherwise {@code null}
 * @param stage     index of the build stage this instruction belongs to ({@code -1} before the first FROM)
 * @param variables ARG and ENV variables in scope before this instruction (for {@link #expand(String)}), read-only
 */
public record Instruction(
        String keyword,
        List<Flag> flags,
        boolean execForm,
        List<Word> args,
        String text,
        Position textStart,
        List<KeyValue> pairs,
        List<Heredoc> heredocs,
        Position start,
        Position end,
        String source,
        Instruction onbuild,
        int stage,
        Map<String, String> variables) {

    public Instruction {
        keyword = keyword.toUpperCase(Locale.ROOT);
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        pairs = List.copyOf(pairs);
        heredocs = List.copyOf(heredocs);
        // Not copied: the parser hands every instruction a read-only view of its scope (a copy per instruction
        // would make parsing quadratic in files with many ENV lines).
        variables = variables == null ? Map.of() : variables;
    }

    public boolean is(String kw) {
        return keyword.equals(kw);
    }

    public int line() {
        return start.line();
    }

    /** The first flag with that name (case-insensitive), if any. */
    public Optional<Flag> flag(String name) {
        for (Flag f : flags) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** All flags with that name (RUN may have several {@code --mount}). */
    public List<Flag> flags(String name) {
        return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).toList();
    }

    public boolean hasFlag(String name) {
        return flag(name).isPresent();
    }

    /** The argument strings ({@link Word#text()}). */
    public List<String> argTexts() {
        return args.stream().map(Word::text).toList();
    }

    /**
     * The shell script this instruction runs: for shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD the text; for
     * {@code RUN <<EOF} the heredoc body (empty when its shebang names a non-shell interpreter); for
     * {@code RUN cmd <<EOF} the text followed by the here-documents and their delimiters, as a shell reads them;
     * for exec form the arguments, each quoted for
     * the shell where needed and joined by spaces, so that {@code ["sh", "-c", "a && b"]} reads as
     * {@code sh -c 'a && b'}.
     */
    public String script() {
        if (execForm) {
            List<String> words = argTexts();
            if (keyword.equals("HEALTHCHECK") && !words.isEmpty()) {
                words = words.subList(1, words.size());
            }
            StringBuilder sb = new StringBuilder();
            for (String w : words) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(shellQuote(w));
            }
            return sb.toString();
        }
        if (heredocs.isEmpty()) {
            return text;
        }
        if (heredocs.size() == 1 && text.strip().matches("<<-?\\s*([\"']?)" + java.util.regex.Pattern.quote(
                heredocs.get(0).delimiter()) + "\\1")) {
            // `RUN <<EOF`: BuildKit runs the body itself as the script (a shebang picks another interpreter)
            String body = heredocs.get(0).body();
            return body.startsWith("#!") && !body.matches("#![^\\n]*\\b(sh|bash|ash|dash|zsh|ksh)\\b[^\\n]*\\n[\\s\\S]*")
                    ? "" : body;
        }
        // `RUN cmd <<EOF`: a here-document for the command, written out as the shell reads it
        StringBuilder sb = new StringBuilder(text);
        for (Heredoc h : heredocs) {
            sb.append('\n').append(h.body()).append(h.delimiter());
        }
        return sb.append('\n').toString();
    }

    private static String shellQuote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_./:=@%+,-".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Expands {@code $VAR}, {@code ${VAR}} and the {@code ${VAR:-x}} family with the variables in scope here. */
    public String expand(String word) {
        return Variables.expand(word, variables, '\\');
    }
}
