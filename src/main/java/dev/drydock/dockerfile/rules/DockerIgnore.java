package dev.drydock.dockerfile.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed {@code .dockerignore}, matching paths the way Docker does: moby/patternmatcher {@code ignorefile.ReadAll}
 * reads the lines (comments start with {@code #}, blanks trimmed, {@code !} inverts, the pattern is cleaned and a
 * leading {@code /} dropped) and {@code PatternMatcher.MatchesOrParentMatches} decides (the last matching pattern
 * wins; a pattern matching a parent directory matches everything under it; {@code **} spans directories,
 * {@code *} and {@code ?} do not cross {@code /}).
 */
final class DockerIgnore {

    private record Rule(Pattern regex, boolean exclusion, String text) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String content) {
        List<Rule> rules = new ArrayList<>();
        boolean first = true;
        for (String line : content.split("\r?\n", -1)) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            if (line.startsWith("#")) {
                continue;
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                p = clean(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            rules.add(new Rule(Pattern.compile(regex(p)), invert, p));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether the build context path ({@code /}-separated, relative) is left out of the context. */
    boolean excludes(String path) {
        String file = clean(path);
        int slash = file.lastIndexOf('/');
        String[] parents = slash < 0 ? new String[0] : file.substring(0, slash).split("/");
        boolean matched = false;
        for (Rule r : rules) {
            if (r.exclusion() != matched) {
                continue; // an inclusion cannot change an unmatched path, nor an exclusion a matched one
            }
            boolean match = r.regex().matcher(file).matches();
            for (int k = 0; !match && k < parents.length; k++) {
                match = r.regex().matcher(String.join("/", java.util.Arrays.copyOfRange(parents, 0, k + 1))).matches();
            }
            if (match) {
                matched = !r.exclusion();
            }
        }
        return matched;
    }

    /** Go's {@code filepath.Clean} for {@code /}-separated paths. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
            } else {
                out.add(part);
            }
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /**
     * The regular expression of a pattern, as patternmatcher's {@code Pattern.compile} builds it. A pattern that
     * starts with {@code **} and has no other wildcard is a "suffix match" there ({@code strings.HasSuffix}), so
     * {@code **.pem} matches {@code certs/key.pem}, which the regular expression {@code (.*\/)?\.pem} would not.
     */
    private static String regex(String pattern) {
        String rest = pattern.startsWith("**") ? pattern.substring(2) : null;
        if (rest != null && rest.chars().noneMatch(ch -> "*?[]\\".indexOf(ch) >= 0)) {
            return "^(?:.*" + Pattern.quote(rest) + (rest.startsWith("/") ? "|" + Pattern.quote(rest.substring(1)) : "")
                    + ")$";
        }
        StringBuilder re = new StringBuilder("^");
        for (int k = 0; k < pattern.length(); k++) {
            char ch = pattern.charAt(k);
            if (ch == '*') {
                if (k + 1 < pattern.length() && pattern.charAt(k + 1) == '*') {
                    k++;
                    if (k + 1 < pattern.length() && pattern.charAt(k + 1) == '/') {
                        k++; // treat "**/" as "**"
                    }
                    re.append(k + 1 >= pattern.length() ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (ch == '?') {
                re.append("[^/]");
            } else if (ch == '\\' && k + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++k))));
            } else if (ch == '[' || ch == ']' || ch == '-' || ch == '^') {
                re.append(ch); // character classes pass through, as in Go's filepath.Match
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return re.append('$').toString();
    }
}
