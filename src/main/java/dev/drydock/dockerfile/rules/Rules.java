package dev.drydock.dockerfile.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every built-in Dockerfile rule, listed explicitly (no classpath scanning). A duplicate id is an
 * error at start-up.
 */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            // Hadolint-compatible rules (DLxxxx), in id order
            // drydock's own rules (DDxxxx), in id order
    );

    private static final Map<String, Rule> BY_ID;

    static {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : ALL) {
            if (byId.put(r.info().id(), r) != null) {
                throw new IllegalStateException("duplicate rule id " + r.info().id());
            }
        }
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private Rules() {
    }

    /** Every rule, in id order. */
    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id.toUpperCase(java.util.Locale.ROOT)));
    }
}
