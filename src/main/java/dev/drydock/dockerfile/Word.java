package dev.drydock.dockerfile;

/**
 * One argument of an instruction as written (quotes kept for shell form, decoded for exec form), with its place.
 *
 * @param text     the argument as it appears after quote processing: for shell-form instructions other than
 *                 RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK this is BuildKit's word splitting (quotes removed, escapes
 *                 applied, variables NOT expanded); for exec form the decoded JSON string
 * @param raw      the exact source characters of the argument (after continuation lines are joined)
 * @param position where the argument starts in the source
 */
public record Word(String text, String raw, Position position) {

    @Override
    public String toString() {
        return text;
    }
}
