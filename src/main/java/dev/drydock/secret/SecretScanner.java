package dev.drydock.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Finds secrets in a text. One {@link KeywordMatcher} pass marks where each rule's keywords occur; only those rules
 * run, and only over windows around their hits (the hit's line, at most {@link #LINE_WINDOW} characters either side;
 * for multi-line rules, up to {@link #MULTILINE_WINDOW} characters on). A match must then pass the rule's entropy
 * threshold, its allow patterns and the shared allow-list. Thread-safe: scanners share nothing mutable.
 */
public final class SecretScanner {

    static final int LINE_WINDOW = 2048;
    static final int MULTILINE_WINDOW = 16 * 1024;
    /** A NUL byte in the first bytes marks a binary file, as git and grep decide it. */
    static final int BINARY_PROBE = 8000;
    static final String IGNORE_PRAGMA = "drydock:ignore";

    private final SecretRules rules;
    private final KeywordMatcher matcher;
    private final int[] keywordRule;

    public SecretScanner(SecretRules rules) {
        this.rules = rules;
        List<String> keywords = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < rules.rules().size(); r++) {
            for (String k : rules.rules().get(r).keywords()) {
                keywords.add(k);
                owners.add(r);
            }
        }
        this.matcher = new KeywordMatcher(keywords);
        this.keywordRule = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    private static volatile SecretScanner builtIn;

    /**
     * One scanner over the built-in rules, built on first use and shared (it is thread-safe): building the keyword
     * automaton costs milliseconds, too much for every Dockerfile or file.
     */
    public static SecretScanner builtIn() {
        SecretScanner s = builtIn;
        if (s == null) {
            synchronized (SecretScanner.class) {
                s = builtIn;
                if (s == null) {
                    s = builtIn = new SecretScanner(SecretRules.builtIn());
                }
            }
        }
        return s;
    }

    public SecretRules rules() {
        return rules;
    }

    /** Whether a file at this path is worth reading at all (the path allow-list). */
    public boolean wants(String path) {
        return !rules.pathAllowed(path);
    }

    public static boolean isBinary(byte[] content) {
        for (int i = 0, n = Math.min(content.length, BINARY_PROBE); i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Scans a file's bytes; binary files and allow-listed paths give nothing. */
    public List<SecretHit> scan(String path, byte[] content) {
        if (!wants(path) || isBinary(content)) {
            return List.of();
        }
        // ISO-8859-1: one char per byte, no decoding cost, and every rule's regex is ASCII; the string is made only
        // when a keyword occurs
        return scan(path, content, null);
    }

    private record Match(int rule, int start, int end, String secret) {
    }

    /** Scans a text (a file, or an image-config value); {@code path} is only matched against rules' path filters. */
    public List<SecretHit> scanText(String path, String text) {
        return scan(path, null, text);
    }

    /** Windows per rule: pairs of offsets, merged as hits come in text order. */
    private final class Windows implements KeywordMatcher.Hits {
        // made at the first keyword hit: most texts (and Dockerfile values the linter asks about) have none
        int[][] windows;
        int[] counts;
        final CharSequence text;
        final int length;
        int lineFrom = -1;
        int lineTo = -1;
        boolean any;

        Windows(CharSequence text) {
            this.text = text;
            this.length = text.length();
        }

        @Override
        public void hit(int keyword, int end) {
            if (counts == null) {
                windows = new int[rules.rules().size()][];
                counts = new int[rules.rules().size()];
            }
            int r = keywordRule[keyword];
            int[] w = windows[r];
            int c = counts[r];
            if (c > 0 && end <= w[c - 1]) {
                return; // inside this rule's last window already
            }
            any = true;
            int hit = end - matcher.length(keyword);
            if (hit < lineFrom || end > lineTo) {
                // the line around the hit, bounded, computed once for all rules hitting on it
                lineFrom = lineStart(text, hit);
                lineTo = lineEnd(text, end);
            }
            int from = Math.max(lineFrom, hit - LINE_WINDOW);
            int to = rules.rules().get(r).multiline() ? Math.min(length, end + MULTILINE_WINDOW)
                    : Math.min(lineTo, end + LINE_WINDOW);
            if (c > 0 && from <= w[c - 1]) {
                w[c - 1] = Math.max(w[c - 1], to);
                return;
            }
            if (w == null) {
                w = windows[r] = new int[8];
            } else if (c + 2 > w.length) {
                w = windows[r] = Arrays.copyOf(w, w.length * 2);
            }
            w[c] = from;
            w[c + 1] = to;
            counts[r] = c + 2;
        }
    }

    private List<SecretHit> scan(String path, byte[] bytes, String string) {
        CharSequence view = bytes == null ? string : new Latin1(bytes);
        Windows hits = new Windows(view);
        if (bytes == null) {
            matcher.scan(string, hits);
        } else {
            matcher.scan(bytes, hits);
        }
        if (!hits.any) {
            return List.of();
        }
        String text = string != null ? string : new String(bytes, StandardCharsets.ISO_8859_1);
        int n = rules.rules().size();
        int[][] windows = hits.windows;
        int[] counts = hits.counts;
        List<Match> found = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (counts[r] > 0 && rules.rules().get(r).appliesTo(path)) {
                run(r, text, windows[r], counts[r], found);
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return hits(text, dropShadowedGeneric(found));
    }

    private void run(int r, String text, int[] w, int count, List<Match> found) {
        SecretRule rule = rules.rules().get(r);
        Matcher m = rule.regex().matcher(text);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        boolean group = rule.hasSecretGroup();
        int last = -1;
        for (int i = 0; i < count; i += 2) {
            m.region(Math.max(w[i], last), w[i + 1]);
            while (m.find()) {
                int s = group ? m.start("secret") : m.start();
                int e = group ? m.end("secret") : m.end();
                last = m.end();
                if (s < 0) {
                    continue;
                }
                String secret = text.substring(s, e);
                if ((rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) || rule.allowed(secret)
                        || rules.valueAllowed(secret) || lineOf(text, s).contains(IGNORE_PRAGMA)) {
                    continue;
                }
                found.add(new Match(r, s, e, secret));
            }
        }
    }

    /** A fallback rule's match (generic assignments, config-file formats) that another rule also matched says nothing new: the specific one is kept. */
    private List<Match> dropShadowedGeneric(List<Match> found) {
        List<Match> out = new ArrayList<>();
        for (Match a : found) {
            boolean generic = rules.rules().get(a.rule()).fallback();
            boolean shadowed = false;
            for (Match b : found) {
                if (generic && b != a && b.start() < a.end() && a.start() < b.end()
                        && (!rules.rules().get(b.rule()).fallback() || b.rule() < a.rule())) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) {
                out.add(a);
            }
        }
        return out;
    }

    private List<SecretHit> hits(String text, List<Match> found) {
        found.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::rule));
        List<SecretHit> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        int line = 1;
        int pos = 0;
        for (Match m : found) {
            for (; pos < m.start(); pos++) {
                if (text.charAt(pos) == '\n') {
                    line++;
                }
            }
            SecretHit h = new SecretHit(rules.rules().get(m.rule()).id(), line, Redaction.redact(m.secret()));
            if (seen.putIfAbsent(h.rule() + "\0" + m.start(), Boolean.TRUE) == null) {
                out.add(h);
            }
        }
        return out;
    }

    /** Bounded by {@link #LINE_WINDOW}, so a megabyte of minified JavaScript on one line stays linear. */
    /** Bytes as characters, for finding line bounds before any string is made. */
    private record Latin1(byte[] b) implements CharSequence {
        @Override
        public int length() {
            return b.length;
        }

        @Override
        public char charAt(int i) {
            return (char) (b[i] & 0xff);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    private static int lineStart(CharSequence text, int i) {
        int stop = Math.max(0, i - LINE_WINDOW);
        int j = i;
        while (j > stop && text.charAt(j - 1) != '\n') {
            j--;
        }
        return j;
    }

    private static int lineEnd(CharSequence text, int i) {
        int stop = Math.min(text.length(), i + LINE_WINDOW);
        int j = i;
        while (j < stop && text.charAt(j) != '\n') {
            j++;
        }
        return j;
    }

    private static String lineOf(String text, int i) {
        int s = Math.max(lineStart(text, i), i - LINE_WINDOW);
        return text.substring(s, Math.min(lineEnd(text, i), i + LINE_WINDOW));
    }
}
