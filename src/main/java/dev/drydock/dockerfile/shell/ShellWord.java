package dev.drydock.dockerfile.shell;

/**
 * One shell word.
 *
 * @param text   the word after quote removal and escape processing; parameter expansions are kept as written
 *               ({@code $HOME} stays {@code $HOME}); command substitutions are kept as written
 * @param raw    the exact source characters of the word
 * @param quoted whether any part of it was quoted
 * @param offset 0-based offset of the word's first character in the script text
 */
public record ShellWord(String text, String raw, boolean quoted, int offset) {

    @Override
    public String toString() {
        return text;
    }
}
