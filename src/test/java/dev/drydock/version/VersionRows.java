package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Dense test rows, one per line: {@code A < B  # why}, with {@code <}, {@code =} or {@code >}; blank lines and lines
 * starting with {@code #} are skipped. Also the checks every scheme must pass: antisymmetry and a consistent sort.
 */
final class VersionRows {

    private VersionRows() {
    }

    /** What a differential run found: drydock's answer per pair, the disagreements, and a note for the summary. */
    record Outcome(List<String> ours, List<String> disagreements, String note) {

        Map<String, Integer> histogram() {
            return VersionRows.histogram(ours);
        }
    }

    /** Arguments (a, expected sign, b, why) for a parameterized test. */
    static Stream<Arguments> parse(String rows) {
        List<Arguments> out = new ArrayList<>();
        for (String line : rows.split("\n")) {
            String why = "";
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                why = line.substring(hash + 2).strip();
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException("bad test row: " + line);
            }
            int sign = switch (f[1]) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalArgumentException("bad operator in test row: " + line);
            };
            out.add(Arguments.of(f[0], sign, f[2], why));
        }
        return out.stream();
    }

    /** Asserts {@code compare(a, b)} has the expected sign, and {@code compare(b, a)} the opposite one. */
    static void assertOrder(VersionScheme scheme, String a, int sign, String b, String why) {
        assertThat(Integer.signum(scheme.compare(a, b))).as("%s %s %s  (%s)", a, op(sign), b, why).isEqualTo(sign);
        assertThat(Integer.signum(scheme.compare(b, a))).as("antisymmetry: %s vs %s", b, a).isEqualTo(-sign);
    }

    static String op(int sign) {
        return sign < 0 ? "<" : sign == 0 ? "=" : ">";
    }

    /**
     * Sorts {@code versions} (the valid ones) with the scheme and checks the order is consistent: every earlier element
     * compares at most equal to every later one, and compare is antisymmetric and reflexive. A broken transitivity
     * shows up as a pair out of order.
     */
    static void assertConsistent(VersionScheme scheme, List<String> versions) {
        List<String> valid = new ArrayList<>();
        for (String v : versions) {
            try {
                scheme.validate(v);
                valid.add(v);
            } catch (InvalidVersionException e) {
                // not part of the order
            }
        }
        assertThat(valid).as("enough valid versions to check").hasSizeGreaterThan(versions.size() / 3);
        valid.sort(scheme::compare);
        for (int i = 0; i < valid.size(); i++) {
            assertThat(scheme.compare(valid.get(i), valid.get(i))).isZero();
            for (int j = i + 1; j < valid.size(); j++) {
                int c = scheme.compare(valid.get(i), valid.get(j));
                assertThat(c).as("sorted %s before %s", valid.get(i), valid.get(j)).isLessThanOrEqualTo(0);
                assertThat(Integer.signum(scheme.compare(valid.get(j), valid.get(i)))).isEqualTo(-Integer.signum(c));
            }
        }
    }

    /** Counts answers by kind, for the differential tests' summary lines. */
    static Map<String, Integer> histogram(List<String> answers) {
        Map<String, Integer> h = new TreeMap<>();
        for (String a : answers) {
            h.merge(a.split("\t", 2)[0], 1, Integer::sum);
        }
        return h;
    }

    /** The sign of {@code compare(a, b)} as text, or {@code E} when either version is invalid. */
    static String answer(VersionScheme scheme, String a, String b) {
        try {
            return Integer.toString(Integer.signum(scheme.compare(a, b)));
        } catch (InvalidVersionException e) {
            return "E";
        }
    }

    static List<String> lines(List<String[]> pairs) {
        List<String> out = new ArrayList<>(pairs.size());
        for (String[] p : pairs) {
            out.add(p[0] + "\t" + p[1]);
        }
        return out;
    }

    /**
     * Checks rows given one per argument ({@code "A < B  # why"}), both ways, and reports every failing row at once
     * (the npm, Go, crates.io, Maven, NuGet and Packagist tests).
     */
    static void assertRows(VersionScheme scheme, String... rows) {
        List<String> failures = new ArrayList<>();
        for (String row : rows) {
            String body = row.contains(" #") ? row.substring(0, row.indexOf(" #")) : row;
            String[] t = body.strip().split(" +");
            assertThat(t).as("row '%s' must be 'A op B'", row).hasSize(3);
            int want = switch (t[1]) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalArgumentException("row " + row);
            };
            int got = Integer.signum(scheme.compare(t[0], t[2]));
            int back = Integer.signum(scheme.compare(t[2], t[0]));
            if (got != want || back != -want) {
                failures.add(row + "  -> got " + got + " (reverse " + back + ")");
            }
        }
        assertThat(failures).as(scheme.name()).isEmpty();
    }

    /** Each version is refused with an {@link InvalidVersionException} naming the scheme, by validate and compare. */
    static void assertInvalid(VersionScheme scheme, String... versions) {
        for (String v : versions) {
            assertThatThrownBy(() -> scheme.validate(v)).as("'%s'", v).isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining(scheme.name());
            assertThatThrownBy(() -> scheme.compare("1.0.0", v)).as("'%s'", v).isInstanceOf(InvalidVersionException.class);
        }
    }

    static void assertValid(VersionScheme scheme, String... versions) {
        for (String v : versions) {
            scheme.validate(v);
        }
    }
}
