package dev.drydock.version;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven's version order: a port of {@code org.apache.maven.artifact.versioning.ComparableVersion} from
 * maven-artifact 3.9.9 (https://maven.apache.org/pom.html#version-order-specification). A version is split at
 * {@code .}, {@code -} and digit/letter transitions into numbers and qualifiers; {@code -} (and a transition) opens a
 * sub-list. Known qualifiers order {@code alpha < beta < milestone < rc = cr < snapshot < "" = final = ga = release
 * < sp}; unknown ones come after them, alphabetically; {@code a1}, {@code b1}, {@code m1} mean alpha-1, beta-1,
 * milestone-1. Trailing zeros and release qualifiers are dropped before comparing, so {@code 1.0 = 1 = 1-ga}.
 *
 * <p>Hand-written because the matcher compares every Maven package with it and it must agree with Maven to the
 * item; the test scope runs Maven's own class against it. Numbers have any length (maven-artifact's int, long and
 * BigInteger items, kept apart exactly as it keeps them: by the length of the digits after stripping leading zeros).
 * ComparableVersion accepts every string; this scheme rejects only what cannot be a version at all: an empty string,
 * whitespace and control characters.
 */
public final class MavenVersion implements VersionScheme {

    public static final MavenVersion INSTANCE = new MavenVersion();

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");
    private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));

    private MavenVersion() {
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    /** The canonical form Maven prints ({@code ComparableVersion.getCanonical()}): {@code 1.0-GA} is {@code 1}. */
    public static String canonical(String version) {
        return parse(version).toString();
    }

    private sealed interface Item permits Num, Str, Items {
        /** Compares with another item, or with nothing ({@code null}: this one is padding's counterpart). */
        int compareTo(Item other);

        boolean isNull();
    }

    /** maven-artifact's IntItem (up to 9 digits), LongItem (up to 18) and BigIntegerItem: {@code kind} 0, 1, 2. */
    private record Num(int kind, BigInteger value) implements Item {
        static Num of(String digits) {
            String s = stripLeadingZeroes(digits);
            int kind = s.length() <= 9 ? 0 : s.length() <= 18 ? 1 : 2;
            return new Num(kind, new BigInteger(s));
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return isNull() ? 0 : 1;
            }
            if (other instanceof Num n) {
                return kind != n.kind ? Integer.compare(kind, n.kind) : Integer.signum(value.compareTo(n.value));
            }
            return 1; // 1.1 > 1-sp, 1.1 > 1-1
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private record Str(String value) implements Item {
        static Str of(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                switch (value.charAt(0)) {
                    case 'a' -> value = "alpha";
                    case 'b' -> value = "beta";
                    case 'm' -> value = "milestone";
                    default -> { }
                }
            }
            return new Str(ALIASES.getOrDefault(value, value));
        }

        static String comparable(String qualifier) {
            int i = QUALIFIERS.indexOf(qualifier);
            return i == -1 ? QUALIFIERS.size() + "-" + qualifier : String.valueOf(i);
        }

        @Override
        public boolean isNull() {
            return comparable(value).equals(RELEASE_INDEX);
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return Integer.signum(comparable(value).compareTo(RELEASE_INDEX)); // 1-rc < 1, 1-sp > 1
            }
            if (other instanceof Str s) {
                return Integer.signum(comparable(value).compareTo(comparable(s.value)));
            }
            return -1; // 1.any < 1.1, 1.any < 1-1
        }

        @Override
        public String toString() {
            return value;
        }
    }

    private static final class Items extends ArrayList<Item> implements Item {
        @Override
        public boolean isNull() {
            return isEmpty();
        }

        /** Drops trailing null items (0, "", empty lists), stopping at the first other non-list item. */
        void normalize() {
            for (int i = size() - 1; i >= 0; i--) {
                Item last = get(i);
                if (last.isNull()) {
                    remove(i);
                } else if (!(last instanceof Items)) {
                    break;
                }
            }
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                for (Item i : this) { // MNG-6964: the whole list against nothing, not only its first item
                    int r = i.compareTo(null);
                    if (r != 0) {
                        return r;
                    }
                }
                return 0;
            }
            if (other instanceof Num) {
                return -1; // 1-1 < 1.0.x
            }
            if (other instanceof Str) {
                return 1; // 1-1 > 1-sp
            }
            Iterator<Item> left = iterator();
            Iterator<Item> right = ((Items) other).iterator();
            while (left.hasNext() || right.hasNext()) {
                Item l = left.hasNext() ? left.next() : null;
                Item r = right.hasNext() ? right.next() : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (Item item : this) {
                if (!b.isEmpty()) {
                    b.append(item instanceof Items ? '-' : '.');
                }
                b.append(item);
            }
            return b.toString();
        }
    }

    private static Items parse(String original) {
        VersionInput.check("maven", original);
        if (original.isEmpty()) {
            throw new InvalidVersionException("maven", String.valueOf(original), "empty");
        }
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new InvalidVersionException("maven", original, "contains whitespace or a control character at "
                        + (i + 1));
            }
        }
        String version = original.toLowerCase(Locale.ENGLISH);
        Items items = new Items();
        Items list = items;
        Deque<Items> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.' || c == '-') {
                list.add(i == start ? new Num(0, BigInteger.ZERO) : item(isDigit, version.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = push(list, stack);
                }
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > start) {
                    // 1.0.0.X1 < 1.0.0-X2: treat .X as -X for any string qualifier X
                    if (!list.isEmpty()) {
                        list = push(list, stack);
                    }
                    list.add(Str.of(version.substring(start, i), true));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.add(item(true, version.substring(start, i)));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = false;
            }
        }
        if (version.length() > start) {
            if (!isDigit && !list.isEmpty()) {
                list = push(list, stack);
            }
            list.add(item(isDigit, version.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return items;
    }

    private static Items push(Items list, Deque<Items> stack) {
        Items sub = new Items();
        list.add(sub);
        stack.push(sub);
        return sub;
    }

    private static Item item(boolean isDigit, String buf) {
        return isDigit ? Num.of(buf) : Str.of(buf, false);
    }

    /** As maven-artifact does it: a string of zeros only is kept whole (so ten zeros are a "long" zero). */
    private static String stripLeadingZeroes(String buf) {
        if (buf.isEmpty()) {
            return "0";
        }
        for (int i = 0; i < buf.length(); i++) {
            if (buf.charAt(i) != '0') {
                return buf.substring(i);
            }
        }
        return buf;
    }
}
