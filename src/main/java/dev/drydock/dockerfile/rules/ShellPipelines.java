package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Heredoc;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.Pipeline;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellScript;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every pipeline of a script, nested ones included. {@link ShellScript#pipelines()} lists only the top level;
 * pipes inside {@code if}/loop bodies, subshells, brace groups and command substitutions
 * ({@code V=$(curl … | jq …)}) are found here by parsing those bodies again, each as a script of its own
 * (Hadolint sees them all through ShellCheck's syntax tree). {@code case} bodies are left out: their
 * {@code a|b)} patterns would read as pipes.
 */
final class ShellPipelines {

    private static final Set<String> REPARSED = Set.of("(", "{", "if", "for", "select", "while", "until", "function");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");
    private static final int MAX_DEPTH = 8;

    private ShellPipelines() {
    }

    /**
     * The script and every nested script, each with its own top-level pipelines. Offsets of commands in a
     * nested script count from the start of that nested text, not the instruction's.
     *
     * @param intoShellStrings also parse {@code sh -c '…'} strings (ShellCheck, and so Hadolint, does not)
     */
    static List<ShellScript> scripts(String text, boolean intoShellStrings) {
        List<ShellScript> out = new ArrayList<>();
        collect(text, intoShellStrings, 0, out);
        return out;
    }

    /**
     * {@link #scripts(String, boolean)} of a RUN: its text, and each here-document it feeds to a shell
     * ({@code RUN <<EOF}, {@code RUN bash <<EOF}) as a script of its own. {@link Instruction#script()} appends
     * those bodies to the text, where the shell parser finds their commands but not their pipelines.
     */
    static List<ShellScript> scripts(Instruction run, boolean intoShellStrings) {
        if (run.heredocs().isEmpty() || run.execForm()) {
            return scripts(run.script(), intoShellStrings);
        }
        List<ShellScript> out = new ArrayList<>();
        collect(run.text(), intoShellStrings, 0, out);
        ShellScript text = out.get(0);
        for (Heredoc h : run.heredocs()) {
            for (ShellCommand c : text.commands()) {
                boolean feeds = c.redirects().stream().anyMatch(r -> (r.operator().endsWith("<<")
                        || r.operator().endsWith("<<-")) && r.target().text().equals(h.delimiter()));
                ShellCommand runs = text.unwrap(c);
                if (feeds && (runs.words().isEmpty() || SHELLS.contains(runs.name()))) {
                    collect(h.body(), intoShellStrings, 1, out);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether any pipeline of a RUN, at any depth, joins two commands with {@code |} or {@code |&}. */
    static boolean anyPipe(Instruction run, boolean intoShellStrings) {
        return scripts(run, intoShellStrings).stream().anyMatch(ShellScript::hasPipe);
    }

    private static void collect(String text, boolean intoShellStrings, int depth, List<ShellScript> out) {
        ShellScript script = ShellScript.parse(text);
        out.add(script);
        if (depth >= MAX_DEPTH) {
            return;
        }
        List<Integer> starts = new ArrayList<>();
        for (Pipeline p : script.pipelines()) {
            for (ShellCommand c : p.commands()) {
                starts.add(c.offset());
            }
        }
        for (Pipeline p : script.pipelines()) {
            for (ShellCommand c : p.commands()) {
                if (c.isCompound()) {
                    String keyword = c.words().get(0).raw();
                    if (REPARSED.contains(keyword)) {
                        int from = Math.min(text.length(), c.offset() + keyword.length());
                        int to = starts.stream().filter(o -> o > c.offset()).min(Integer::compare)
                                .orElse(text.length());
                        collect(text.substring(from, Math.max(from, Math.min(to, text.length()))), intoShellStrings,
                                depth + 1, out);
                    }
                    continue;
                }
                for (ShellWord w : c.words()) {
                    substitutions(w.raw(), intoShellStrings, depth, out);
                }
                for (String v : c.assignments().values()) {
                    substitutions(v, intoShellStrings, depth, out);
                }
                ShellCommand run = script.unwrap(c);
                if (intoShellStrings && SHELLS.contains(run.name())) {
                    List<String> args = run.args();
                    int k = args.indexOf("-c");
                    if (k >= 0 && k + 1 < args.size()) {
                        collect(args.get(k + 1), true, depth + 1, out);
                    }
                }
            }
        }
    }

    /** Parses each {@code $(…)} and {@code `…`} in a word (quotes as written) as a script of its own. */
    private static void substitutions(String raw, boolean intoShellStrings, int depth, List<ShellScript> out) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean dollarParen = c == '$' && raw.startsWith("(", i + 1) && !raw.startsWith("((", i + 1);
            if (dollarParen) {
                int end = closing(raw, i + 2);
                collect(raw.substring(i + 2, end), intoShellStrings, depth + 1, out);
                i = end;
            } else if (c == '`') {
                int end = raw.indexOf('`', i + 1);
                end = end < 0 ? raw.length() : end;
                collect(raw.substring(i + 1, end), intoShellStrings, depth + 1, out);
                i = end;
            } else if (c == '\'') {
                int end = raw.indexOf('\'', i + 1); // nothing is substituted inside single quotes
                i = end < 0 ? raw.length() : end;
            }
        }
    }

    /** The index of the {@code )} closing a substitution whose text starts at {@code from}. */
    private static int closing(String s, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }
}
