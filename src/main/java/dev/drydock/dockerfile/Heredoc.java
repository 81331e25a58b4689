package dev.drydock.dockerfile;

/**
 * A here-document attached to an instruction ({@code RUN <<EOF}, {@code COPY <<EOF /dest}).
 *
 * @param delimiter  the delimiter word without quotes ({@code EOF})
 * @param quoted     whether the delimiter was quoted ({@code <<'EOF'} / {@code <<"EOF"}): then the body is not expanded
 * @param stripTabs  {@code <<-EOF}: leading tabs are removed from body lines
 * @param body       the body text, every line ending in a newline, tabs already stripped for {@code <<-}
 * @param position   where the {@code <<} starts
 * @param bodyStart  where the body's first line starts
 */
public record Heredoc(String delimiter, boolean quoted, boolean stripTabs, String body, Position position,
                      Position bodyStart) {
}
