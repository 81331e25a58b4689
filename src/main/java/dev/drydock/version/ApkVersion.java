package dev.drydock.version;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Alpine package versions ({@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}}) validated and ordered
 * exactly as apk-tools does ({@code apk_version_validate} and {@code apk_version_compare} in apk-tools'
 * src/version.c, the token-based rewrite shipped since apk-tools 2.14). Used for Alpine, Wolfi and Chainguard.
 *
 * <p>Hand-written rather than taken from a library because this comparison decides whether a package is vulnerable;
 * it is tested against every row of apk-tools' own test/unit/version.data (Debian has no apk-tools to run).
 *
 * <p>The rules: the first number compares as a number; a later {@code .number} compares as a number unless either side
 * has a leading zero, then as a string ({@code 1.02 < 1.1}, {@code 8.2.0 < 8.2.001}); one lowercase letter may follow a
 * number; suffixes order {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, each with an
 * optional number; {@code ~hash} (lowercase hex) compares as a string; {@code -rN} is the package revision. When one
 * version runs out first, it is older, unless the other continues with a pre-release suffix.
 *
 * <p>One deliberate difference: apk-tools reads numbers into a 64-bit integer, so numbers longer than 19 digits wrap
 * there; here they compare as numbers of any length.
 */
public final class ApkVersion implements VersionScheme {

    static final String NAME = "apk";

    // token types in apk-tools' order: a version's tokens may only move forward through this list
    private static final int INITIAL_DIGIT = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int COMMIT_HASH = 5;
    private static final int REVISION_NO = 6;
    private static final int END = 7;

    // suffix values; NONE is the pivot between pre-release and post-release suffixes
    private static final List<String> SUFFIXES =
            List.of("", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int SUFFIX_NONE = 5;

    private record Token(int type, String value, int suffix) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        List<Token> ta = tokens(a);
        List<Token> tb = tokens(b);
        int i = 0;
        while (ta.get(i).type() == tb.get(i).type() && ta.get(i).type() < END) {
            int c = compareTokens(ta.get(i), tb.get(i));
            if (c != 0) {
                return c;
            }
            i++;
        }
        Token x = ta.get(i);
        Token y = tb.get(i);
        if (x.type() == y.type()) {
            return 0;
        }
        // equal so far: the one that goes on is newer, unless it goes on with a pre-release suffix
        if (x.type() == SUFFIX && x.suffix() < SUFFIX_NONE) {
            return -1;
        }
        if (y.type() == SUFFIX && y.suffix() < SUFFIX_NONE) {
            return 1;
        }
        return x.type() > y.type() ? -1 : 1;
    }

    private static int compareTokens(Token a, Token b) {
        switch (a.type()) {
            case DIGIT:
                if (a.value().charAt(0) == '0' || b.value().charAt(0) == '0') {
                    return stringSort(a.value(), b.value()); // leading zero: string order, as in Gentoo
                }
                return DigitStrings.compare(a.value(), b.value());
            case INITIAL_DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                return DigitStrings.compare(a.value(), b.value());
            case LETTER:
                return Character.compare(a.value().charAt(0), b.value().charAt(0));
            case SUFFIX:
                return Integer.compare(a.suffix(), b.suffix());
            default:
                return stringSort(a.value(), b.value());
        }
    }

    /** apk's {@code apk_blob_sort}: bytes, then the shorter first. */
    private static int stringSort(String a, String b) {
        return Integer.signum(a.compareTo(b));
    }

    /** The version's tokens, the last one {@code END}; throws when apk_version_validate would say invalid. */
    private static List<Token> tokens(String v) {
        if (v == null || v.isEmpty()) {
            throw invalid(v, "version is empty");
        }
        Tokenizer tokenizer = new Tokenizer(v);
        List<Token> out = new ArrayList<>();
        String first = tokenizer.run(DigitStrings::isDigit);
        if (first.isEmpty()) {
            throw invalid(v, "does not start with a number");
        }
        Token t = new Token(INITIAL_DIGIT, first, 0);
        while (t.type() != END) {
            out.add(t);
            t = tokenizer.next(t.type());
        }
        out.add(t);
        return out;
    }

    /**
     * apk-tools' {@code token_next}: the first character decides the kind of the next token, and a version's tokens
     * may only move forward through the kinds (a letter only after a number, a suffix not after a hash, ...).
     */
    private static final class Tokenizer {
        private final String v;
        private int pos;

        Tokenizer(String v) {
            this.v = v;
        }

        Token next(int previous) {
            if (pos == v.length()) {
                return new Token(END, "", 0);
            }
            char c = v.charAt(pos);
            if (c >= 'a' && c <= 'z') {
                require(previous <= DIGIT, "letter '" + c + "' may only follow a number");
                pos++;
                return new Token(LETTER, String.valueOf(c), 0);
            } else if (c == '.' || DigitStrings.isDigit(c)) {
                return number(previous, c);
            } else if (c == '_') {
                require(previous <= SUFFIX_NO, "suffix after ~hash or -r");
                pos++;
                String name = run(ch -> ch >= 'a' && ch <= 'z');
                int suffix = name.isEmpty() ? -1 : SUFFIXES.indexOf(name);
                require(suffix > 0, "unknown suffix '_" + name + "' (known: _alpha _beta _pre _rc _cvs _svn _git _hg _p)");
                return new Token(SUFFIX, name, suffix);
            } else if (c == '~') {
                require(previous < COMMIT_HASH, "'~hash' after another ~hash or -r");
                pos++;
                String hash = run(ApkVersion::isLowerHex);
                require(!hash.isEmpty(), "'~' must be followed by lowercase hex digits");
                return new Token(COMMIT_HASH, hash, 0);
            } else if (c == '-') {
                require(previous < REVISION_NO, "second -r revision");
                require(v.startsWith("-r", pos), "'-' must start a revision -rN");
                pos += 2;
                String n = run(DigitStrings::isDigit);
                require(!n.isEmpty(), "revision -r has no number");
                return new Token(REVISION_NO, n, 0);
            }
            throw invalid(v, "invalid character '" + c + "' at offset " + pos);
        }

        /** {@code .N} after a number, or the number of a suffix ({@code _rc2}). */
        private Token number(int previous, char c) {
            if (c == '.') {
                require(previous <= DIGIT, "'.' may only follow a number");
                pos++;
            }
            int type;
            if (previous == INITIAL_DIGIT || previous == DIGIT) {
                type = DIGIT;
            } else if (previous == SUFFIX) {
                type = SUFFIX_NO;
            } else {
                throw invalid(v, "unexpected number at offset " + pos);
            }
            String n = run(DigitStrings::isDigit);
            require(!n.isEmpty(), "'.' must be followed by a number");
            return new Token(type, n, 0);
        }

        /** Consumes the longest run of characters matching {@code accept} and returns it. */
        String run(IntPredicate accept) {
            int start = pos;
            while (pos < v.length() && accept.test(v.charAt(pos))) {
                pos++;
            }
            return v.substring(start, pos);
        }

        private void require(boolean ok, String reason) {
            if (!ok) {
                throw invalid(v, reason);
            }
        }
    }

    private static boolean isLowerHex(int c) {
        return DigitStrings.isDigit(c) || (c >= 'a' && c <= 'f');
    }

    private static InvalidVersionException invalid(String version, String reason) {
        return new InvalidVersionException(NAME, String.valueOf(version), reason);
    }
}
