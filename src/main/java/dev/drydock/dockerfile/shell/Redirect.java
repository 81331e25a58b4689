package dev.drydock.dockerfile.shell;

/**
 * An I/O redirection of a command.
 *
 * @param operator {@code >}, {@code >>}, {@code <}, {@code 2>}, {@code &>}, {@code >&}, {@code <<}, {@code <<<} …
 *                 (with any leading file-descriptor number)
 * @param target   the target word (file name, fd, or heredoc delimiter)
 */
public record Redirect(String operator, ShellWord target) {
}
