package dev.drydock.dockerfile.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands that run another command given in their arguments ({@code sudo -u app npm install}), and shells
 * that run a script given as a string ({@code sh -c '…'}). One table, so that a new wrapper is one new case.
 * Option sets follow each tool's manual page (sudo 1.9, GNU coreutils/findutils, busybox).
 */
final class Wrappers {

    private Wrappers() {
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    /** The commands {@code c} runs from its own arguments; usually none or one. */
    static List<ShellCommand> unwrap(ShellCommand c) {
        List<ShellWord> w = c.words();
        if (w.isEmpty()) {
            return List.of();
        }
        // A wrapped command inherits the environment a wrapper set (sudo env A=1 nohup cmd: cmd sees A).
        Map<String, String> env = new LinkedHashMap<>(c.wrapper() != null ? c.assignments() : Map.of());
        int start;
        switch (c.name()) {
            case "sudo", "doas" -> {
                start = skipOptions(w, 1, "ughCprtUDRTa",
                        Set.of("--user", "--group", "--close-from", "--host", "--prompt", "--role", "--type",
                                "--other-user", "--chdir", "--chroot", "--command-timeout", "--auth-type"));
                start = assignments(w, start, env);
            }
            case "env" -> {
                start = 1;
                while (true) {
                    start = skipOptions(w, start, "uCS", Set.of("--unset", "--chdir", "--split-string"));
                    if (start < w.size() && w.get(start).text().equals("-")) {
                        start++;
                        continue;
                    }
                    break;
                }
                start = assignments(w, start, env);
            }
            case "nohup" -> start = skipOptions(w, 1, "", Set.of());
            case "exec" -> start = skipOptions(w, 1, "a", Set.of());
            case "time" -> start = skipOptions(w, 1, "fo", Set.of("--format", "--output"));
            case "command" -> {
                if (c.hasFlag("-v", "-V")) {
                    return List.of(); // command -v only looks the name up
                }
                start = skipOptions(w, 1, "", Set.of());
            }
            case "xargs" -> start = skipOptions(w, 1, "adEILnPs",
                    Set.of("--arg-file", "--delimiter", "--eof", "--replace", "--max-lines", "--max-args",
                            "--max-procs", "--max-chars", "--process-slot-var"));
            case "nice" -> {
                start = skipOptions(w, 1, "n", Set.of("--adjustment"));
            }
            case "timeout" -> start = skipOptions(w, 1, "sk", Set.of("--signal", "--kill-after")) + 1;
            case "gosu", "su-exec" -> start = skipOptions(w, 1, "", Set.of()) + 1;
            case "runuser" -> {
                // util-linux `runuser -u USER [--] CMD …` runs CMD; the su-like `runuser USER -c '…'` is a shell script
                if (!c.hasFlag("-u", "--user")) {
                    return List.of();
                }
                start = skipOptions(w, 1, "ugGsw", Set.of("--user", "--group", "--supp-group", "--shell",
                        "--whitelist-environment"));
            }
            case "chroot" -> start = skipOptions(w, 1, "", Set.of("--userspec", "--groups")) + 1;
            case "stdbuf" -> start = skipOptions(w, 1, "ioe", Set.of("--input", "--output", "--error"));
            case "ionice" -> start = skipOptions(w, 1, "cnp", Set.of("--class", "--classdata", "--pid", "--pgid",
                    "--uid"));
            case "busybox" -> start = 1; // multi-call binary: busybox wget … runs wget
            case "find" -> {
                return findExec(c);
            }
            default -> {
                return List.of();
            }
        }
        if (start >= w.size()) {
            return List.of();
        }
        return List.of(wrapped(c, start, w.size(), env));
    }

    private static ShellCommand wrapped(ShellCommand c, int from, int to, Map<String, String> env) {
        List<ShellWord> words = List.copyOf(c.words().subList(from, to));
        return new ShellCommand(words, Collections.unmodifiableMap(env), c.redirects(), words.get(0).offset(), c,
                c.childShellOf());
    }

    /** {@code find … -exec cmd {} \;} and {@code -execdir}, {@code -ok}, {@code -okdir}: each runs a command. */
    private static List<ShellCommand> findExec(ShellCommand c) {
        List<ShellWord> w = c.words();
        List<ShellCommand> out = new ArrayList<>();
        int k = 1;
        while (k < w.size()) {
            String t = w.get(k).text();
            if (!Set.of("-exec", "-execdir", "-ok", "-okdir").contains(t)) {
                k++;
                continue;
            }
            int end = k + 1;
            while (end < w.size() && !w.get(end).text().equals(";")
                    && !(w.get(end).text().equals("+") && w.get(end - 1).text().equals("{}"))) {
                end++;
            }
            if (end > k + 1) {
                out.add(wrapped(c, k + 1, end, new LinkedHashMap<>()));
            }
            k = end + 1;
        }
        return out;
    }

    private static int assignments(List<ShellWord> w, int from, Map<String, String> env) {
        int k = from;
        while (k < w.size() && ShellWords.assignedName(w.get(k)) != null) {
            env.put(ShellWords.assignedName(w.get(k)), ShellWords.assignedValue(w.get(k)));
            k++;
        }
        return k;
    }

    /**
     * The index of the first operand at or after {@code from}, skipping options. {@code shortWithValue} lists the
     * option letters that take a value (attached {@code -uapp} or next word {@code -u app}, also at the end of a
     * cluster {@code -Eu app}); {@code longWithValue} the long options that take the next word unless written
     * {@code --opt=value}. A lone {@code -} is an operand; {@code --} ends the options.
     */
    static int skipOptions(List<ShellWord> w, int from, String shortWithValue, Set<String> longWithValue) {
        int k = from;
        while (k < w.size()) {
            String a = w.get(k).text();
            if (a.equals("--")) {
                return k + 1;
            }
            if (a.startsWith("--")) {
                k += !a.contains("=") && longWithValue.contains(a) ? 2 : 1;
            } else if (a.startsWith("-") && a.length() > 1) {
                int step = 1;
                for (int j = 1; j < a.length(); j++) {
                    if (shortWithValue.indexOf(a.charAt(j)) >= 0) {
                        step = j == a.length() - 1 ? 2 : 1;
                        break;
                    }
                }
                k += step;
            } else {
                return k;
            }
        }
        return k;
    }

    /**
     * The script string a shell runs: {@code sh -c 'script'}, {@code bash -euxo pipefail -c "…"},
     * {@code su app -c '…'}; null if none.
     */
    static ShellWord shellScriptArgument(ShellCommand c) {
        List<ShellWord> w = c.words();
        if (c.is("su", "runuser")) {
            for (int k = 1; k + 1 < w.size(); k++) {
                String a = w.get(k).text();
                if (a.equals("-c") || a.equals("--command")) {
                    return w.get(k + 1);
                }
                if (a.startsWith("--command=")) {
                    return new ShellWord(a.substring("--command=".length()), a, true, w.get(k).offset());
                }
            }
            return null;
        }
        if (!SHELLS.contains(c.name())) {
            return null;
        }
        boolean hasC = false;
        int k = 1;
        while (k < w.size()) {
            String a = w.get(k).text();
            if (a.equals("--") || a.equals("-")) {
                k++;
                break;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                if (a.startsWith("--")) {
                    k++;
                    continue;
                }
                hasC |= a.charAt(0) == '-' && a.indexOf('c') > 0;
                char last = a.charAt(a.length() - 1);
                k += last == 'o' || last == 'O' ? 2 : 1;
                continue;
            }
            break;
        }
        return hasC && k < w.size() ? w.get(k) : null;
    }
}
