package dev.drydock.dockerfile.rules;

/**
 * A text replacement in a Dockerfile's source, for {@code --fix}.
 *
 * @param start       0-based offset of the first replaced character
 * @param end         offset just after the last replaced character ({@code start == end} inserts)
 * @param replacement the new text
 */
public record Edit(int start, int end, String replacement) {

    public Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }
}
