package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the words of a shell-form instruction's script are in the Dockerfile source. {@link Instruction#text()} has
 * continuation lines joined (escape + newline removed, comment lines inside the continuation dropped), so a script
 * offset is mapped back by walking the source and skipping exactly what the parser removed. Anything that does not
 * line up (exec form, heredoc bodies, nested {@code sh -c} strings) maps to nothing, so callers fall back to the
 * instruction's position and never offer an edit they cannot place exactly.
 */
final class ScriptSource {

    private ScriptSource() {
    }

    /** The source offset of character {@code textIndex} of {@code i.text()}, for shell-form instructions. */
    static OptionalInt offset(Dockerfile df, Instruction i, int textIndex) {
        String text = i.text();
        if (i.execForm() || textIndex < 0 || textIndex > text.length()) {
            return OptionalInt.empty();
        }
        String src = df.source();
        int s = i.textStart().offset();
        int t = 0;
        while (t < textIndex) {
            if (s >= src.length()) {
                return OptionalInt.empty();
            }
            char c = src.charAt(s);
            int next = c == df.escape() ? afterContinuation(src, s) : -1;
            if (next >= 0) {
                s = next;
            } else if (c == text.charAt(t)) {
                s++;
                t++;
            } else {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(s);
    }

    /** The source offset where word {@code w} of the instruction's script starts, if it can be placed exactly. */
    static OptionalInt start(Dockerfile df, Instruction i, ShellWord w) {
        return wordIsInText(i, w) ? offset(df, i, w.offset()) : OptionalInt.empty();
    }

    /** Where a shell word starts in the source, or the instruction's start when it cannot be placed. */
    static Position position(Dockerfile df, Instruction i, ShellWord w) {
        if (!wordIsInText(i, w)) {
            return i.start();
        }
        OptionalInt at = offset(df, i, w.offset());
        return at.isPresent() ? positionAt(df.source(), at.getAsInt()) : i.start();
    }

    /** An edit inserting {@code insertion} right after word {@code w}; empty when it cannot be placed exactly. */
    static Optional<Edit> insertAfter(Dockerfile df, Instruction i, ShellWord w, String insertion) {
        if (!i.heredocs().isEmpty() || !wordIsInText(i, w)) {
            return Optional.empty();
        }
        OptionalInt at = offset(df, i, w.offset() + w.raw().length());
        return at.isPresent() ? Optional.of(Edit.insert(at.getAsInt(), insertion)) : Optional.empty();
    }

    /** The first argument word of {@code c} that is {@code subcommand}, written unquoted, to place a flag after it. */
    static Optional<ShellWord> word(ShellCommand c, String subcommand) {
        for (ShellWord w : c.words().subList(1, c.words().size())) {
            if (w.text().equals(subcommand)) {
                return w.raw().equals(subcommand) ? Optional.of(w) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Position positionAt(String src, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset && k < src.length(); k++) {
            if (src.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Position(line, offset - lineStart + 1, offset);
    }

    private static boolean wordIsInText(Instruction i, ShellWord w) {
        return !i.execForm() && w.offset() >= 0 && i.text().startsWith(w.raw(), w.offset());
    }

    /**
     * If the escape at {@code at} ends its line (only blanks after it), the offset after the continuation: past
     * the newline and any following blank or comment lines, which BuildKit drops. Otherwise -1.
     */
    private static int afterContinuation(String src, int at) {
        int k = at + 1;
        while (k < src.length() && (src.charAt(k) == ' ' || src.charAt(k) == '\t' || src.charAt(k) == '\r')) {
            k++;
        }
        if (k >= src.length() || src.charAt(k) != '\n') {
            return -1;
        }
        k++;
        while (k < src.length()) {
            int eol = src.indexOf('\n', k);
            String line = (eol < 0 ? src.substring(k) : src.substring(k, eol)).strip();
            if (!(line.isEmpty() || line.startsWith("#")) || eol < 0) {
                break;
            }
            k = eol + 1;
        }
        return k;
    }
}
