package dev.drydock.policy;

import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy of a {@code .drydock.yaml} (docs/policy.md; schema docs/schema/drydock-config.schema.json), as
 * {@link Policy#apply} applies it. Read it with {@link PolicyConfigs#load}.
 *
 * @param source                  the file it came from, or null for the defaults
 * @param failOn                  unsuppressed findings at or above this fail the policy; null: severity never fails it
 * @param minSeverity             findings below this are suppressed ("below the reporting threshold"); null: none
 * @param ignoreUnfixed           vulnerabilities without a fixed version are suppressed
 * @param scanners                the scanners that run; findings of others are left out
 * @param rules                   per-rule overrides by id or alias, upper-cased
 * @param trustedRegistries       registries the base image may come from (globs {@code *.corp.com}); empty: any
 * @param allowedBaseImages       base images allowed (globs, as {@code dockerfile.allowed-base-images}); empty: any
 * @param requireDigestPinnedBase the base image must be named by digest
 * @param requireNonRoot          the image must not run as root
 * @param maxImageSize            the largest image allowed, in bytes (all layers uncompressed), or null
 * @param forbiddenPackages       packages that must not be in the image
 * @param deniedLicenses          SPDX ids (or globs such as {@code AGPL-*}) no package may be under
 * @param lint                    the Dockerfile linter's part of the same file ({@code dockerfile:}, {@code fail-on})
 */
public record PolicyConfig(Path source, Severity failOn, Severity minSeverity, boolean ignoreUnfixed,
                           Set<Finding.Kind> scanners, Map<String, RuleOverride> rules, List<String> trustedRegistries,
                           List<String> allowedBaseImages, boolean requireDigestPinnedBase, boolean requireNonRoot,
                           Long maxImageSize, List<ForbiddenPackage> forbiddenPackages, List<String> deniedLicenses,
                           LintConfig lint) {

    public static final PolicyConfig DEFAULT = new PolicyConfig(null, null, null, false, EnumSet.allOf(Finding.Kind.class),
            Map.of(), List.of(), List.of(), false, false, null, List.of(), List.of(), LintConfig.DEFAULT);

    public PolicyConfig {
        scanners = scanners.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scanners));
        rules = Map.copyOf(rules);
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
        forbiddenPackages = List.copyOf(forbiddenPackages);
        deniedLicenses = List.copyOf(deniedLicenses);
    }

    /** The same policy with a different {@code fail-on} ({@code --fail-on} wins over the file). */
    public PolicyConfig withFailOn(Severity s) {
        return new PolicyConfig(source, s, minSeverity, ignoreUnfixed, scanners, rules, trustedRegistries, allowedBaseImages,
                requireDigestPinnedBase, requireNonRoot, maxImageSize, forbiddenPackages, deniedLicenses, lint);
    }

    /** The same policy with {@code ignore-unfixed} set ({@code --ignore-unfixed}). */
    public PolicyConfig withIgnoreUnfixed(boolean on) {
        return new PolicyConfig(source, failOn, minSeverity, on, scanners, rules, trustedRegistries, allowedBaseImages,
                requireDigestPinnedBase, requireNonRoot, maxImageSize, forbiddenPackages, deniedLicenses, lint);
    }

    public boolean runs(Finding.Kind kind) {
        return scanners.contains(kind);
    }

    /** The file's name for messages, or "the defaults". */
    String sourceName() {
        return source == null ? "the defaults" : source.toString();
    }

    /**
     * A per-rule override: a new severity, or the rule switched off.
     *
     * @param severity the severity findings of this rule get, or null to keep theirs
     * @param disabled findings of this rule are suppressed
     * @param reason   why (shown in the report), or null
     * @param line     where in the config it was written
     */
    public record RuleOverride(Severity severity, boolean disabled, String reason, int line) {
    }

    /**
     * A package that must not be in the image.
     *
     * @param name      the package name (or its source package's), {@code *} globs allowed
     * @param ecosystem the ecosystem ({@code npm}, {@code Debian}; {@code Debian} matches {@code Debian:12}), or null for any
     * @param versions  the versions it is forbidden in ({@code <2.17.1}, {@code >=2.0.0, <2.17.1}), or null for all
     * @param reason    why (shown in the verdict), or null
     * @param line      where in the config it was written
     */
    public record ForbiddenPackage(String name, String ecosystem, VersionRange versions, String reason, int line) {

        /** How the entry reads in a verdict: {@code log4j-core (Maven) <2.17.1}. */
        public String describe() {
            return name + (ecosystem == null ? "" : " (" + ecosystem + ")") + (versions == null ? "" : " " + versions);
        }
    }
}
