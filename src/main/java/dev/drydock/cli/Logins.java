package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.image.SourceOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code --username} with {@code --password-stdin}, as {@code docker login} takes them: the password is the first line
 * of stdin, never an argument (arguments show in {@code ps} and shell history).
 */
final class Logins {

    private static final int MAX_PASSWORD_BYTES = 64 * 1024;

    private Logins() {
    }

    static SourceOptions fromOptions(SourceOptions options, String username, boolean passwordStdin, InputStream stdin) {
        if (username == null) {
            throw new UsageException("--password-stdin needs --username");
        }
        if (!passwordStdin) {
            throw new UsageException("--username needs --password-stdin (a password is never taken as an argument)");
        }
        if (username.isBlank() || username.contains(":")) {
            throw new UsageException("--username must not be empty nor contain ':'");
        }
        String password = firstLine(stdin);
        if (password.isEmpty()) {
            throw new UsageException("--password-stdin: stdin is empty; pipe the password in, e.g. printf %s \"$PASS\" | drydock ...");
        }
        return options.withCredentials(username, password);
    }

    private static String firstLine(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                if (b.size() >= MAX_PASSWORD_BYTES) {
                    throw new UsageException("--password-stdin: the first line of stdin is longer than 64 KiB");
                }
                b.write(c);
            }
        } catch (IOException e) {
            throw new UsageException("--password-stdin: cannot read stdin: " + e.getMessage());
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
