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
            new DL3000(), new DL3001(), new DL3002(), new DL3003(), new DL3004(), new DL3005(), new DL3006(),
            new DL3007(), new DL3008(), new DL3009(), new DL3010(), new DL3011(), new DL3012(), new DL3013(),
            new DL3014(), new DL3015(), new DL3016(), new DL3017(), new DL3018(), new DL3019(), new DL3020(),
            new DL3021(), new DL3022(), new DL3023(), new DL3024(), new DL3025(), new DL3026(), new DL3027(),
            new DL3028(), new DL3029(), new DL3030(), new DL3031(), new DL3032(), new DL3033(), new DL3034(),
            new DL3035(), new DL3036(), new DL3037(), new DL3038(), new DL3039(), new DL3040(), new DL3041(),
            new DL3042(), new DL3043(), new DL3044(), new DL3045(), new DL3046(), new DL3047(), new DL3048(),
            new DL3049(), new DL3050(), new DL3051(), new DL3052(), new DL3053(), new DL3054(), new DL3055(),
            new DL3056(), new DL3057(), new DL3058(), new DL3059(), new DL3060(), new DL3061(), new DL3062(),
            new DL4000(), new DL4001(), new DL4003(), new DL4004(), new DL4005(), new DL4006(),
            // drydock's own rules (DDxxxx), in id order
            new DD0001(), new DD0002(), new DD0003(), new DD0004(), new DD0005(), new DD0006(), new DD0007(),
            new DD0008(), new DD0009(), new DD0010(), new DD0011(), new DD0012(), new DD0013(), new DD0014(),
            new DD0015(), new DD0016(), new DD0017(), new DD0018(), new DD0019(), new DD0020(), new DD0021(),
            new DD0022(), new DD0023(), new DD0024(), new DD0025(), new DD0026(), new DD0027(), new DD0028()
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
