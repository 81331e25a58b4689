package dev.drydock.dockerfile;

/**
 * A comment line (including ones inside continuation lines), used for ignore pragmas.
 *
 * @param text     the text after {@code #}, trimmed
 * @param position where the {@code #} starts
 */
public record Comment(String text, Position position) {
}
