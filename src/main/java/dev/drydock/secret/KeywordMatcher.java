package dev.drydock.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho–Corasick over every rule's keywords at once, case-insensitive for ASCII. Why hand-written: the secret scanner
 * reads every text file of every layer, and running 150+ regular expressions over each file would cost 150 passes;
 * this automaton makes one pass per file and tells which rules are worth running and where. The alphabet is bytes
 * (text is decoded as ISO-8859-1, one char per byte); bytes that occur in no keyword share one class, so the dense
 * goto table has a row of a few dozen classes per state rather than 256: small enough to stay in the CPU's cache
 * (with 256 columns it was megabytes, and cache misses dominated the scan in bench/secrets.sh's profile).
 */
final class KeywordMatcher {

    /** What {@link #scan} reports: keyword {@code keyword} ends at offset {@code end} (exclusive). */
    interface Hits {
        void hit(int keyword, int end);
    }

    /**
     * The automaton flattened for speed: {@code table[state * 256 + byte]} is the next state's offset
     * ({@code state * 256}), negative when keywords end there; upper-case ASCII letters share their lower-case
     * transitions, so folding costs nothing at scan time.
     */
    private final int[] table;
    private final int[][] outputs;  // keyword indices ending at each state
    private final int[] lengths;
    /** Byte to character class: 0 for bytes in no keyword, upper-case ASCII letters folded onto lower case. */
    private final int[] classes = new int[256];
    private final int width;

    /** @param keywords non-empty, lower-case ASCII */
    KeywordMatcher(List<String> keywords) {
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> outs = new ArrayList<>();
        gotos.add(newState());
        outs.add(new ArrayList<>());
        lengths = new int[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            String w = keywords.get(k).toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                throw new IllegalArgumentException("empty keyword");
            }
            lengths[k] = w.length();
            int s = 0;
            for (int i = 0; i < w.length(); i++) {
                int c = w.charAt(i) & 0xff;
                if (gotos.get(s)[c] < 0) {
                    gotos.get(s)[c] = gotos.size();
                    gotos.add(newState());
                    outs.add(new ArrayList<>());
                }
                s = gotos.get(s)[c];
            }
            outs.get(s).add(k);
        }
        // breadth-first: failure links, and the DFA's missing transitions borrowed from the failure state
        int[] fail = new int[gotos.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int t = gotos.get(0)[c];
            if (t < 0) {
                gotos.get(0)[c] = 0;
            } else {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            outs.get(s).addAll(outs.get(fail[s]));
            for (int c = 0; c < 256; c++) {
                int t = gotos.get(s)[c];
                if (t < 0) {
                    gotos.get(s)[c] = gotos.get(fail[s])[c];
                } else {
                    fail[t] = gotos.get(fail[s])[c];
                    queue.add(t);
                }
            }
        }
        outputs = new int[outs.size()][];
        for (int i = 0; i < outs.size(); i++) {
            outputs[i] = outs.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] representative = new int[257];
        int n = 1;
        for (String w : keywords) {
            for (char ch : w.toLowerCase(Locale.ROOT).toCharArray()) {
                int c = ch & 0xff;
                if (classes[c] == 0) {
                    classes[c] = n;
                    representative[n++] = c;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classes[c] = classes[c + 32];
        }
        width = n;
        // class 0 (bytes in no keyword): from any state, the same place as a byte no keyword has
        int none = -1;
        for (int c = 0; c < 256 && none < 0; c++) {
            if (classes[c] == 0 && !(c >= 'A' && c <= 'Z')) {
                none = c;
            }
        }
        table = new int[gotos.size() * width];
        for (int s = 0; s < gotos.size(); s++) {
            for (int k = 0; k < width; k++) {
                int t = gotos.get(s)[k == 0 ? none : representative[k]];
                table[s * width + k] = outputs[t].length > 0 ? ~(t * width) : t * width;
            }
        }
    }

    private static int[] newState() {
        int[] s = new int[256];
        Arrays.fill(s, -1);
        return s;
    }

    int length(int keyword) {
        return lengths[keyword];
    }

    /** One pass over {@code text}, a byte per character (ISO-8859-1). */
    void scan(byte[] text, Hits hits) {
        int[] t = table;
        int[] cls = classes;
        int w = width;
        int s = 0;
        for (int i = 0; i < text.length; i++) {
            s = t[s + cls[text[i] & 0xff]];
            if (s < 0) {
                s = ~s;
                for (int k : outputs[s / w]) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }

    /** The same over a string; characters beyond ISO-8859-1 are folded to their low byte (keywords are ASCII). */
    void scan(CharSequence text, Hits hits) {
        int[] t = table;
        int[] cls = classes;
        int w = width;
        int s = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            s = t[s + cls[text.charAt(i) & 0xff]];
            if (s < 0) {
                s = ~s;
                for (int k : outputs[s / w]) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }
}
