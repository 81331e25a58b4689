package dev.drydock.dockerfile;

/**
 * A parser directive at the top of the file: {@code # syntax=}, {@code # escape=}, {@code # check=}.
 *
 * @param name     lower-case directive name
 * @param value    its value, trimmed
 * @param position where the {@code #} starts
 */
public record Directive(String name, String value, Position position) {
}
