package dev.drydock.dockerfile;

/**
 * A place in a Dockerfile's source text.
 *
 * @param line   1-based line number
 * @param column 1-based column, counted in characters
 * @param offset 0-based character offset into the whole source text
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {

    public static final Position START = new Position(1, 1, 0);

    @Override
    public int compareTo(Position o) {
        return Integer.compare(offset, o.offset);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
