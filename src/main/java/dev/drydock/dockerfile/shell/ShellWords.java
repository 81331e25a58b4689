package dev.drydock.dockerfile.shell;

/** Small predicates on shell words shared by the lexer, the parser and the wrapper table. */
final class ShellWords {

    private ShellWords() {
    }

    /** A POSIX name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_')) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The assigned name of {@code NAME=value} or {@code NAME+=value} (judged on the raw word), else null. */
    static String assignedName(ShellWord w) {
        String raw = w.raw();
        int eq = raw.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = raw.charAt(eq - 1) == '+' ? raw.substring(0, eq - 1) : raw.substring(0, eq);
        return isName(name) ? name : null;
    }

    /** The value of an assignment word after quote removal. */
    static String assignedValue(ShellWord w) {
        int eq = w.text().indexOf('=');
        return eq < 0 ? "" : w.text().substring(eq + 1);
    }
}
