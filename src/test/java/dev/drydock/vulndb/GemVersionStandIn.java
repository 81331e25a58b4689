package dev.drydock.vulndb;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only stand-in for RubyGems' ordering, used to convert RubySec requirements while this branch has no RubyGems
 * {@code VersionScheme} (another engineer writes it; once it is registered, {@link DbImporter#defaultRubyGems()}
 * returns it and the tests use it instead). It follows {@code Gem::Version#<=>} over canonical segments: numbers
 * compare as numbers, a string segment sorts before any number, missing segments count as 0.
 */
final class GemVersionStandIn implements Comparator<String> {

    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");
    private static final Pattern VALID = Pattern.compile("\\s*[0-9]+(\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?\\s*");

    static Comparator<String> rubyGems() {
        Comparator<String> real = DbImporter.defaultRubyGems();
        return real != null ? real : new GemVersionStandIn();
    }

    @Override
    public int compare(String a, String b) {
        List<Object> l = canonical(a);
        List<Object> r = canonical(b);
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            Object x = i < l.size() ? l.get(i) : BigInteger.ZERO;
            Object y = i < r.size() ? r.get(i) : BigInteger.ZERO;
            if (x.equals(y)) {
                continue;
            }
            if (x instanceof String && y instanceof BigInteger) {
                return -1;
            }
            if (x instanceof BigInteger && y instanceof String) {
                return 1;
            }
            @SuppressWarnings("unchecked")
            int c = ((Comparable<Object>) x).compareTo(y);
            return Integer.signum(c);
        }
        return 0;
    }

    private static List<Object> canonical(String v) {
        if (!VALID.matcher(v).matches()) {
            throw new IllegalArgumentException("invalid RubyGems version '" + v + "'");
        }
        List<Object> segs = new ArrayList<>();
        Matcher m = SEGMENT.matcher(v.strip().replace("-", ".pre."));
        while (m.find()) {
            String s = m.group();
            segs.add(Character.isDigit(s.charAt(0)) ? (Object) new BigInteger(s) : s);
        }
        int firstString = segs.size();
        for (int i = 0; i < segs.size(); i++) {
            if (segs.get(i) instanceof String) {
                firstString = i;
                break;
            }
        }
        List<Object> release = trimZeros(new ArrayList<>(segs.subList(0, firstString)));
        List<Object> pre = trimZeros(new ArrayList<>(segs.subList(firstString, segs.size())));
        release.addAll(pre);
        return release;
    }

    private static List<Object> trimZeros(List<Object> s) {
        while (!s.isEmpty() && BigInteger.ZERO.equals(s.get(s.size() - 1))) {
            s.remove(s.size() - 1);
        }
        return s;
    }
}
