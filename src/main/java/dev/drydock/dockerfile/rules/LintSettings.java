package dev.drydock.dockerfile.rules;

import java.util.List;
import java.util.Map;

/**
 * Settings some rules read (the rest of the configuration, severities and ignores, is applied outside rules).
 *
 * @param trustedRegistries registries base images may come from (DL3026); empty means any
 * @param labelSchema       required labels and their type ({@code text}, {@code url}, {@code email}, {@code semver},
 *                          {@code rfc3339}, {@code hash}, {@code spdx}) for DL3048-style label checks
 * @param strictLabels      report labels not in the schema
 * @param allowedBaseImages base images allowed (glob patterns such as {@code cgr.dev/chainguard/*}); empty means any
 */
public record LintSettings(List<String> trustedRegistries, Map<String, String> labelSchema, boolean strictLabels,
                           List<String> allowedBaseImages) {

    public static final LintSettings DEFAULT = new LintSettings(List.of(), Map.of(), false, List.of());

    public LintSettings {
        trustedRegistries = List.copyOf(trustedRegistries);
        labelSchema = Map.copyOf(labelSchema);
        allowedBaseImages = List.copyOf(allowedBaseImages);
    }
}
