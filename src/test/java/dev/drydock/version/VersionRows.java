package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense test rows for a version scheme: {@code "A < B"}, {@code "A = B"} or {@code "A > B"}, a "why" after {@code #}.
 * Each row is checked both ways (antisymmetry).
 */
final class VersionRows {

    private VersionRows() {
    }

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
