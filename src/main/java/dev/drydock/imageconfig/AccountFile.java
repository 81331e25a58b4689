package dev.drydock.imageconfig;

import java.util.List;

/**
 * One parsed account database of one layer.
 *
 * @param diagnostics lines that could not be read (by number, never their content: a shadow line holds a hash)
 */
public record AccountFile(Kind kind, List<Account> accounts, List<String> diagnostics) {

    public AccountFile {
        accounts = List.copyOf(accounts);
        diagnostics = List.copyOf(diagnostics);
    }

    public enum Kind {
        PASSWD("etc/passwd"), SHADOW("etc/shadow"), GROUP("etc/group");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** Without a leading {@code /}, as the layer walker names files. */
        public String path() {
            return path;
        }
    }
}
