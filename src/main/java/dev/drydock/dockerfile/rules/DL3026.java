package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import java.util.List;

/**
 * A base image from a registry not in the trusted list (Hadolint DL3026). Does nothing while no trusted registries
 * are configured. As Hadolint: {@code scratch} and earlier stages are fine; an image written without a registry
 * comes from Docker Hub, allowed by {@code docker.io} or {@code hub.docker.com}; a pattern {@code *.corp.com}
 * matches any sub-domain and {@code *} anything.
 */
final class DL3026 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3026", Severity.ERROR,
            "Use only an allowed registry in the FROM image",
            "A base image is code you run with full trust. When an organisation lists the registries it mirrors "
                    + "and scans (`trustedRegistries`), a FROM that pulls from anywhere else bypasses that review "
                    + "and can break when the outside registry changes, rate-limits or disappears.",
            "Pull the image through a trusted registry (`FROM registry.corp.example/library/python:3.12-slim`), or "
                    + "add the registry to `trustedRegistries` once it has been vetted.",
            List.of(),
            "FROM quay.io/prometheus/node-exporter:v1.8.1\n",
            "FROM docker.io/prom/node-exporter:v1.8.1\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<String> allowed = ctx.settings().trustedRegistries();
        if (allowed.isEmpty()) {
            return;
        }
        for (Stage s : ctx.dockerfile().stages()) {
            String image = s.imageExpanded();
            if (s.buildsOnStage() || s.isScratch() || image == null || image.isBlank() || image.contains("$")) {
                continue;
            }
            String registry = registry(image);
            boolean ok = registry == null
                    ? matchesAny(allowed, "docker.io") || matchesAny(allowed, "hub.docker.com")
                    : matchesAny(allowed, registry);
            if (!ok) {
                var at = s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position();
                out.report(s.from(), at, "`" + image + "` comes from " + (registry == null ? "Docker Hub" : "`" + registry
                        + "`") + ", which is not an allowed registry (" + DL3008.quoted(allowed) + ")");
            }
        }
    }

    /** The registry written before the first {@code /}: a host with a dot or port, or {@code localhost}. */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : null;
    }

    private static boolean matchesAny(List<String> allowed, String registry) {
        return allowed.stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(registry)
                || a.startsWith("*") && registry.toLowerCase(java.util.Locale.ROOT)
                        .endsWith(a.substring(1).toLowerCase(java.util.Locale.ROOT)));
    }
}
