package dev.drydock.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a scan report is written in ({@code --format}). */
public enum ReportFormat {
    /** Grouped by target for people; colour on terminals only. */
    TABLE,
    /** drydock's own versioned JSON ({@code docs/schema/report.schema.json}). */
    JSON,
    /** SARIF 2.1.0, for code-scanning dashboards. */
    SARIF,
    /** CycloneDX 1.6: the SBOM plus vulnerabilities, with VEX analysis for suppressed ones. */
    CYCLONEDX,
    /** SPDX 2.3: the SBOM, with advisories as security references. */
    SPDX,
    /** JUnit XML: one test case per finding class, for CI test dashboards. */
    JUNIT,
    /** GitLab's container-scanning report (schema 15.x). */
    GITLAB,
    /** One self-contained HTML page. */
    HTML;

    /** The name users type: {@code table}, {@code cyclonedx}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a format name case-insensitively; throws IllegalArgumentException naming the choices. */
    public static ReportFormat parse(String s) {
        String n = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + s + "' (choose " + choices() + ")");
    }

    public static String choices() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }

    public ReportWriter writer(ReportSettings settings) {
        return switch (this) {
            case TABLE -> new ScanTableWriter(settings.color());
            case JSON -> new ScanJsonWriter();
            case SARIF -> new ScanSarifWriter();
            case CYCLONEDX -> new ScanCycloneDxWriter(settings);
            case SPDX -> new ScanSpdxWriter(settings);
            case JUNIT -> new ScanJunitWriter(settings);
            case GITLAB -> new ScanGitlabWriter(settings);
            case HTML -> new ScanHtmlWriter();
        };
    }
}
