package dev.drydock.analyzer.os;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When releases stop getting security updates, so a report can say "this base is no longer patched". Dates from
 * https://endoflife.date (the end of security support, including a distribution's own long-term support where the
 * distribution itself publishes fixes for it: Debian LTS, RHEL maintenance). A release missing here is "unknown", never
 * "supported". Keep the table small and dated; update it when releases are added.
 */
final class EndOfLife {

    private EndOfLife() {
    }

    /** Keyed by {@code id:version} with the version cut to what the distribution numbers releases by. */
    static final Map<String, LocalDate> DATES = Map.ofEntries(
            Map.entry("debian:8", LocalDate.parse("2020-06-30")),
            Map.entry("debian:9", LocalDate.parse("2022-06-30")),
            Map.entry("debian:10", LocalDate.parse("2024-06-30")),
            Map.entry("debian:11", LocalDate.parse("2026-08-31")),
            Map.entry("debian:12", LocalDate.parse("2028-06-30")),
            Map.entry("ubuntu:16.04", LocalDate.parse("2021-04-02")),
            Map.entry("ubuntu:18.04", LocalDate.parse("2023-05-31")),
            Map.entry("ubuntu:20.04", LocalDate.parse("2025-04-02")),
            Map.entry("ubuntu:22.04", LocalDate.parse("2027-04-01")),
            Map.entry("ubuntu:23.10", LocalDate.parse("2024-07-11")),
            Map.entry("ubuntu:24.04", LocalDate.parse("2029-04-25")),
            Map.entry("alpine:3.15", LocalDate.parse("2023-11-01")),
            Map.entry("alpine:3.16", LocalDate.parse("2024-05-23")),
            Map.entry("alpine:3.17", LocalDate.parse("2024-11-22")),
            Map.entry("alpine:3.18", LocalDate.parse("2025-05-09")),
            Map.entry("alpine:3.19", LocalDate.parse("2025-11-01")),
            Map.entry("alpine:3.20", LocalDate.parse("2026-04-01")),
            Map.entry("alpine:3.21", LocalDate.parse("2026-11-01")),
            Map.entry("rhel:7", LocalDate.parse("2024-06-30")),
            Map.entry("rhel:8", LocalDate.parse("2029-05-31")),
            Map.entry("rhel:9", LocalDate.parse("2032-05-31")),
            Map.entry("centos:7", LocalDate.parse("2024-06-30")),
            Map.entry("centos:8", LocalDate.parse("2021-12-31")), // CentOS Linux 8; Stream 8 ended 2024-05-31
            Map.entry("centos:9", LocalDate.parse("2027-05-31")), // CentOS Stream 9
            Map.entry("rocky:8", LocalDate.parse("2029-05-31")),
            Map.entry("rocky:9", LocalDate.parse("2032-05-31")),
            Map.entry("almalinux:8", LocalDate.parse("2029-03-01")),
            Map.entry("almalinux:9", LocalDate.parse("2032-05-31")),
            Map.entry("ol:7", LocalDate.parse("2024-12-31")),
            Map.entry("ol:8", LocalDate.parse("2029-07-31")),
            Map.entry("ol:9", LocalDate.parse("2032-06-30")),
            Map.entry("fedora:38", LocalDate.parse("2024-05-21")),
            Map.entry("fedora:39", LocalDate.parse("2024-11-26")),
            Map.entry("fedora:40", LocalDate.parse("2025-05-13")),
            Map.entry("amzn:2018.03", LocalDate.parse("2023-12-31")),
            Map.entry("amzn:2", LocalDate.parse("2026-06-30")),
            Map.entry("amzn:2023", LocalDate.parse("2029-06-30")),
            Map.entry("opensuse-leap:15.4", LocalDate.parse("2023-12-07")),
            Map.entry("opensuse-leap:15.5", LocalDate.parse("2024-12-31")),
            Map.entry("photon:3.0", LocalDate.parse("2024-03-01")));

    static Optional<LocalDate> of(String id, String version) {
        if (version == null || version.isEmpty()) {
            return Optional.empty();
        }
        String key = switch (id) {
            case "ubuntu", "alpine", "opensuse-leap", "photon" -> OperatingSystem.majorMinor(version);
            case "amzn" -> version.startsWith("2018") ? "2018.03" : version.split("\\.")[0];
            default -> version.split("[.-]")[0];
        };
        return Optional.ofNullable(DATES.get(id + ":" + key));
    }
}
