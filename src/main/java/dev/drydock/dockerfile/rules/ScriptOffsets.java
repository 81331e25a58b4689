package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.OptionalInt;

/**
 * Maps offsets in a shell-form instruction's {@link Instruction#text()} (continuation lines joined) back to the
 * Dockerfile source, by walking both and skipping exactly what the parser removed: the escape character, the
 * newline and any blank or comment lines BuildKit drops. A word that does not line up (exec form, heredoc body,
 * inside an {@code sh -c} string) maps to nothing, so callers fall back to the instruction and offer no edit.
 */
final class ScriptOffsets {

    private ScriptOffsets() {
    }

    /** The source offset where word {@code w} of the instruction's script starts, if it can be placed exactly. */
    static OptionalInt start(Dockerfile df, Instruction i, ShellWord w) {
        if (i.execForm() || w.offset() < 0 || !i.text().startsWith(w.raw(), w.offset())) {
            return OptionalInt.empty();
        }
        String text = i.text();
        String src = df.source();
        int s = i.textStart().offset();
        for (int t = 0; t < w.offset(); ) {
            if (s >= src.length()) {
                return OptionalInt.empty();
            }
            int next = src.charAt(s) == df.escape() ? afterContinuation(src, s) : -1;
            if (next >= 0) {
                s = next;
            } else if (src.charAt(s) == text.charAt(t)) {
                s++;
                t++;
            } else {
                return OptionalInt.empty();
            }
        }
        return src.startsWith(w.raw(), s) ? OptionalInt.of(s) : OptionalInt.empty();
    }

    /** Where word {@code w} starts in the source, or the instruction's start when it cannot be placed. */
    static Position position(Dockerfile df, Instruction i, ShellWord w) {
        OptionalInt at = start(df, i, w);
        return at.isPresent() ? positionAt(df.source(), at.getAsInt()) : i.start();
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

    /** If the escape at {@code at} ends its line, the offset after the continuation (and dropped lines); else -1. */
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
