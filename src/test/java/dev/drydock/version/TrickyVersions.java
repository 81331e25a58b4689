package dev.drydock.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generators of version strings biased to the corners where schemes differ: epochs, tildes, carets, long
 * numbers (past 2^31 and 2^64), leading zeros, letters next to digits, suffix combinations, separators doubled or
 * missing. Pairs are mostly a version and a small mutation of it, so they share prefixes and differ where it matters.
 */
final class TrickyVersions {

    private static final String[] LONG_NUMBERS = {
        "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999", "000000000000000000000001",
    };

    private final Random random;
    private final Function<Random, String> generator;
    private final String[] pieces;

    private TrickyVersions(long seed, Function<Random, String> generator, String... pieces) {
        this.random = new Random(seed);
        this.generator = generator;
        this.pieces = pieces;
    }

    /** The differential tests' seed: fixed, so runs repeat; {@code -Ddrydock.version.seed=N} explores others. */
    static long seed() {
        return Long.getLong("drydock.version.seed", 20261123L);
    }

    static TrickyVersions debian(long seed) {
        return new TrickyVersions(seed, TrickyVersions::debian, ".", "+", "~", "~~", "-", ":", "1:", "a", "Z", "b1",
                "~rc1", "+dfsg", "-1", "-0ubuntu1", "~bpo11+1", "+b1", "_", "0", "00", "9", "10");
    }

    static TrickyVersions rpm(long seed) {
        return new TrickyVersions(seed, TrickyVersions::rpm, ".", "_", "+", "~", "^", "~~", "^^", "-", "1:", "a", "Z",
                "el9", "el9_2", "git", "rc1", "0", "00", "9", "10", "..");
    }

    static TrickyVersions apk(long seed) {
        return new TrickyVersions(seed, TrickyVersions::apk, ".", "_", "_alpha", "_beta", "_pre", "_rc", "_cvs", "_svn",
                "_git", "_hg", "_p", "-r", "-r1", "~", "~ab12", "a", "z", "0", "00", "9", "10", "A", "-", "_x");
    }

    static TrickyVersions pep440(long seed) {
        return new TrickyVersions(seed, TrickyVersions::pep440, ".", "-", "_", "!", "+", "a", "b", "c", "rc", "RC",
                "alpha", "beta", "pre", "preview", "post", "rev", "r", "dev", "DEV", "0", "00", "1", "v", " ", "..",
                "++", "+local", ".dev", "-1");
    }

    static TrickyVersions rubygems(long seed) {
        return new TrickyVersions(seed, TrickyVersions::rubygems, ".", "-", "a", "b", "pre", "rc", "A", "Z", "0", "00",
                "1", "..", "--", " ", ".0", "-1", "_");
    }

    /** {@code count} pairs: mostly a version and a mutation of it, some independent, some identical. */
    List<String[]> pairs(int count) {
        List<String[]> out = new ArrayList<>(count);
        while (out.size() < count) {
            String a = generator.apply(random);
            int kind = random.nextInt(10);
            String[] pair;
            if (kind < 6) {
                pair = new String[] {a, mutate(a)};
            } else if (kind < 8) {
                pair = new String[] {a, generator.apply(random)};
            } else if (kind < 9) {
                pair = new String[] {a, a};
            } else {
                pair = new String[] {mutate(a), mutate(a)};
            }
            if (random.nextBoolean()) {
                pair = new String[] {pair[1], pair[0]};
            }
            out.add(pair);
        }
        return out;
    }

    /** {@code count} versions from the generator, without mutations. */
    List<String> versions(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.apply(random));
        }
        return out;
    }

    String mutate(String v) {
        String s = v;
        int ops = 1 + random.nextInt(2);
        for (int k = 0; k < ops; k++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(7)) {
                case 0, 1 -> s = changeNumber(s);
                case 2 -> s = s.substring(0, at) + pick(random, pieces) + s.substring(at);
                case 3 -> s = s + pick(random, pieces);
                case 4 -> s = s.isEmpty() || at == s.length() ? s : s.substring(0, at) + s.substring(at + 1);
                case 5 -> s = at == 0 ? s : s.substring(0, at);
                default -> s = flipCase(s);
            }
        }
        return s;
    }

    /** Replaces one run of digits by a nearby number, the same number with leading zeros, or a long one. */
    private String changeNumber(String s) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            if (Character.isDigit(s.charAt(i))) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                runs.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        if (runs.isEmpty()) {
            return s + number(random);
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        String digits = s.substring(run[0], run[1]);
        String replacement = switch (random.nextInt(5)) {
            case 0 -> "0" + digits;
            case 1 -> new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
            case 2 -> digits.length() > 1 && digits.charAt(0) == '0' ? digits.substring(1) : digits + "0";
            default -> number(random);
        };
        return s.substring(0, run[0]) + replacement + s.substring(run[1]);
    }

    private String flipCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && random.nextInt(3) == 0) {
                char f = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return s.substring(0, i) + f + s.substring(i + 1);
            }
        }
        return s;
    }

    static String number(Random r) {
        int k = r.nextInt(20);
        if (k < 6) {
            return Integer.toString(k % 3); // 0, 1, 2 most often: equal neighbours
        } else if (k < 9) {
            return pick(r, "00", "01", "007", "010", "0000");
        } else if (k < 11) {
            return pick(r, LONG_NUMBERS);
        } else {
            return Integer.toString(r.nextInt(k < 17 ? 20 : 100000));
        }
    }

    @SafeVarargs
    static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static String letters(Random r) {
        return pick(r, "a", "b", "z", "A", "Z", "rc", "alpha", "beta", "dfsg", "git", "really", "el", "pre", "p");
    }

    private static String debian(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) {
            sb.append(pick(r, "0", "1", "2", "00", "01", "10", "99999")).append(':');
        }
        sb.append(number(r));
        boolean revision = r.nextInt(5) < 3;
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            String sep = pick(r, ".", ".", ".", "+", "~", "~~", "", revision ? "-" : ".");
            sb.append(sep).append(r.nextInt(3) == 0 ? letters(r) : number(r));
        }
        if (r.nextInt(6) == 0) {
            sb.append(pick(r, "~", "~~", "+", "."));
        }
        if (revision) {
            sb.append('-').append(r.nextInt(3) == 0 ? letters(r) + number(r) : number(r));
            int more = r.nextInt(3);
            for (int i = 0; i < more; i++) {
                sb.append(pick(r, ".", "+", "~", "~~")).append(r.nextBoolean() ? letters(r) : number(r));
            }
        }
        return sb.toString();
    }

    private static String rpm(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) {
            sb.append(pick(r, "0", "1", "2", "00", "01", "10")).append(':');
        }
        sb.append(r.nextInt(8) == 0 ? letters(r) : number(r));
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            sb.append(pick(r, ".", ".", "_", "+", "~", "^", "", "..", "~~", "^~"));
            sb.append(r.nextInt(3) == 0 ? letters(r) : number(r));
        }
        if (r.nextInt(6) == 0) {
            sb.append(pick(r, "~", "^", ".", "+"));
        }
        if (r.nextInt(5) < 3) {
            sb.append('-').append(number(r));
            int more = r.nextInt(3);
            for (int i = 0; i < more; i++) {
                sb.append(pick(r, ".", "_", "~", "^", "+")).append(r.nextBoolean() ? pick(r, "el9", "el8_6", "fc38", "a", "Z") : number(r));
            }
        }
        return sb.toString();
    }

    private static String apk(Random r) {
        StringBuilder sb = new StringBuilder(number(r));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            sb.append('.').append(number(r));
        }
        if (r.nextInt(5) == 0) {
            sb.append(pick(r, "a", "b", "z"));
        }
        int suffixes = r.nextInt(5) < 3 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < suffixes; i++) {
            sb.append('_').append(pick(r, "alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"));
            if (r.nextBoolean()) {
                sb.append(number(r));
            }
        }
        if (r.nextInt(8) == 0) {
            sb.append('~').append(pick(r, "0", "1234", "1234abcd", "abc", "ff00", "0a"));
        }
        if (r.nextBoolean()) {
            sb.append("-r").append(number(r));
        }
        return sb.toString();
    }

    private static String pep440(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(30) == 0) {
            sb.append(pick(r, " ", "\f", "\u000b", "\u001c", "  "));
        }
        if (r.nextInt(10) == 0) {
            sb.append(pick(r, "v", "V"));
        }
        if (r.nextInt(7) == 0) {
            sb.append(number(r)).append('!');
        }
        sb.append(number(r));
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            sb.append('.').append(number(r));
        }
        if (r.nextInt(3) == 0) {
            sb.append(separator(r)).append(pick(r, "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "RC", "Beta"));
            sb.append(separator(r));
            if (r.nextInt(4) > 0) {
                sb.append(number(r));
            }
        }
        if (r.nextInt(4) == 0) {
            if (r.nextInt(3) == 0) {
                sb.append('-').append(number(r));
            } else {
                sb.append(separator(r)).append(pick(r, "post", "rev", "r", "POST", "Rev")).append(separator(r));
                if (r.nextBoolean()) {
                    sb.append(number(r));
                }
            }
        }
        if (r.nextInt(4) == 0) {
            sb.append(separator(r)).append(pick(r, "dev", "DEV", "Dev")).append(separator(r));
            if (r.nextBoolean()) {
                sb.append(number(r));
            }
        }
        if (r.nextInt(5) == 0) {
            sb.append('+').append(localPart(r));
            int more = r.nextInt(4);
            for (int i = 0; i < more; i++) {
                sb.append(pick(r, ".", "-", "_")).append(localPart(r));
            }
        }
        if (r.nextInt(30) == 0) {
            sb.append(pick(r, " ", "\f", "\t ", "\u001f"));
        }
        return sb.toString().replace('\t', ' ');
    }

    private static String separator(Random r) {
        return r.nextInt(3) == 0 ? pick(r, ".", "-", "_") : "";
    }

    private static String localPart(Random r) {
        return r.nextBoolean() ? number(r) : pick(r, "ubuntu", "abc", "a", "Z", "1a", "deb12u1", "cpu", "cu118");
    }

    private static String rubygems(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(30) == 0) {
            sb.append(pick(r, " ", "\f", "  "));
        }
        sb.append(number(r));
        int parts = r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            sb.append('.');
            int k = r.nextInt(6);
            sb.append(k < 3 ? number(r) : k < 5 ? pick(r, "a", "b", "pre", "rc", "A", "beta", "alpha", "Z") : pick(r, "b1", "1a", "a1b2", "rc10", "0a"));
        }
        if (r.nextInt(5) == 0) {
            sb.append('-').append(pick(r, "1", "pre", "beta", "rc1", "a-b", "0", "x"));
            int more = r.nextInt(3);
            for (int i = 0; i < more; i++) {
                sb.append('.').append(pick(r, "1", "pre", "b", "0", "a-1"));
            }
        }
        if (r.nextInt(30) == 0) {
            sb.append(pick(r, " ", "\r", "\u000b"));
        }
        return sb.toString();
    }
}
