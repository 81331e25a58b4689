package dev.drydock.dockerfile;

/**
 * A {@code key=value} pair of ENV, LABEL or ARG, after quote removal (variables not expanded).
 *
 * @param key      the name
 * @param value    the value; {@code null} for an ARG without default
 * @param position where the key starts
 */
public record KeyValue(String key, String value, Position position) {
}
