package dev.drydock.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with what was scanned, whichever scanner found it: the common currency of policy and reports.
 * Kind-specific detail sits in {@link #vulnerability()} (vulnerabilities only); everything else is shared.
 *
 * @param kind          which scanner found it
 * @param id            the stable id: a vulnerability's primary id ({@code CVE-2021-44228}, else GHSA/OSV id), a secret
 *                      rule id ({@code aws-access-key-id}), an image check id ({@code DI0001}), a lint rule id
 * @param aliases       other ids of the same thing (GHSA, DSA, ALSA; Dockle {@code CIS-DI-0001}, CIS ids), sorted
 * @param severity      the severity after precedence rules ({@link Vulnerability#severitySource()} says whence)
 * @param title         one line, never containing a secret
 * @param description   longer text, or null
 * @param target        the group it is reported under: {@code debian 12 (dpkg)}, {@code app/package-lock.json},
 *                      {@code image config}, {@code layers}, {@code Dockerfile}
 * @param location      where, or null when it is about the image as a whole
 * @param vulnerability vulnerability detail, else null
 * @param fix           what to do about it (advice text), or null
 * @param references    URLs, advisory first
 * @param suppressed    why policy suppressed it (ignore file, VEX), or null: suppressed findings stay in the report,
 *                      marked, and never fail the policy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Kind kind, String id, List<String> aliases, Severity severity, String title, String description,
                      String target, Location location, Vulnerability vulnerability, String fix, List<String> references,
                      Suppression suppressed) {

    public Finding {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public enum Kind { VULNERABILITY, SECRET, MISCONFIGURATION, LINT }

    /**
     * Where a finding is.
     *
     * @param path           a file in the image or directory (no leading {@code /}), a Dockerfile, or null
     * @param line           1-based line, or null
     * @param column         1-based column, or null
     * @param layerIndex     0-based index of the layer holding it, or null (config, whole image)
     * @param layerDiffId    that layer's diff_id, or null
     * @param deletedInLayer 0-based index of the later layer that deleted or overwrote the file (still extractable),
     *                       or null
     * @param configField    a part of the image config ({@code Env[AWS_SECRET_ACCESS_KEY]}, {@code history[3]},
     *                       {@code User}), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String path, Integer line, Integer column, Integer layerIndex, String layerDiffId,
                           Integer deletedInLayer, String configField) {

        public static Location file(String path, Integer line) {
            return new Location(path, line, null, null, null, null, null);
        }

        public static Location config(String field) {
            return new Location(null, null, null, null, null, null, field);
        }
    }

    /**
     * A vulnerable package.
     *
     * @param ecosystem        the package's ecosystem ({@code Debian:12}, {@code npm})
     * @param packageName      the installed (binary) package name
     * @param sourceName       the source package the advisory names, when it differs, else null
     * @param installedVersion the installed version
     * @param fixedVersions    versions that fix it, in the ecosystem's order, possibly empty
     * @param status           fixed / affected / will_not_fix / fix_deferred / end_of_life / unknown
     * @param purl             the package's purl, or null
     * @param cvssVector       the CVSS vector the severity came from, or null
     * @param cvssScore        its base score, or null
     * @param severitySource   where the severity came from: {@code cvss_v4}, {@code cvss_v3}, {@code source} (the
     *                         feed's own rating), {@code kev}, {@code none}
     * @param knownExploited   in CISA's Known Exploited Vulnerabilities catalogue
     * @param dataSource       the advisory feed ({@code osv:Debian}, {@code rubysec})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vulnerability(String ecosystem, String packageName, String sourceName, String installedVersion,
                                List<String> fixedVersions, Status status, String purl, String cvssVector,
                                Double cvssScore, String severitySource, boolean knownExploited, String dataSource) {
        public Vulnerability {
            fixedVersions = fixedVersions == null ? List.of() : List.copyOf(fixedVersions);
        }
    }

    public enum Status { FIXED, AFFECTED, WILL_NOT_FIX, FIX_DEFERRED, END_OF_LIFE, UNKNOWN }

    /**
     * Why a finding is suppressed.
     *
     * @param by      {@code ignorefile}, {@code vex}, {@code config}
     * @param reason  the documented reason (an ignore entry's {@code reason}, a VEX justification and statement)
     * @param expires an ignore's expiry date ({@code yyyy-MM-dd}), or null
     * @param source  the file that said so
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suppression(String by, String reason, String expires, String source) {
    }

    public Finding suppress(Suppression s) {
        return new Finding(kind, id, aliases, severity, title, description, target, location, vulnerability, fix,
                references, s);
    }
}
