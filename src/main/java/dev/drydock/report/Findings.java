package dev.drydock.report;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every report writer derives from findings the same way: counts, advice, links, places, fingerprints. */
final class Findings {

    /** Where drydock documents its own rule and check ids. */
    static final String DOCS = "https://github.com/drydock-dev/drydock/blob/main/docs/";

    private Findings() {
    }

    /** Findings policy did not suppress, in the report's order. */
    static List<Finding> active(ScanReport r) {
        return r.findings().stream().filter(f -> f.suppressed() == null).toList();
    }

    static List<Finding> suppressed(ScanReport r) {
        return r.findings().stream().filter(f -> f.suppressed() != null).toList();
    }

    /** Counts per severity, every severity present (zero when none), most severe first. */
    static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        findings.forEach(f -> m.merge(f.severity(), 1, Integer::sum));
        return m;
    }

    static String kindLabel(Finding.Kind k) {
        return switch (k) {
            case VULNERABILITY -> "vulnerability";
            case SECRET -> "secret";
            case MISCONFIGURATION -> "misconfiguration";
            case LINT -> "lint";
        };
    }

    static String kindPlural(Finding.Kind k) {
        return switch (k) {
            case VULNERABILITY -> "vulnerabilities";
            case SECRET -> "secrets";
            case MISCONFIGURATION -> "misconfigurations";
            case LINT -> "lint findings";
        };
    }

    /** What to do: the finding's own advice, else for a vulnerability the fixed version or why there is none. */
    static String advice(Finding f) {
        if (f.fix() != null && !f.fix().isBlank()) {
            return f.fix();
        }
        Finding.Vulnerability v = f.vulnerability();
        if (v == null) {
            return null;
        }
        if (!v.fixedVersions().isEmpty()) {
            return "Upgrade " + v.packageName() + " from " + v.installedVersion() + " to " + v.fixedVersions().get(0)
                    + " or later" + (v.sourceName() != null ? " (source package " + v.sourceName() + ")" : "") + ".";
        }
        return switch (v.status() == null ? Finding.Status.UNKNOWN : v.status()) {
            case WILL_NOT_FIX -> "The distribution will not fix this; remove " + v.packageName()
                    + " if the image does not need it, or use a base image without it.";
            case FIX_DEFERRED -> "A fix is deferred by the distribution; watch the advisory, or remove " + v.packageName() + ".";
            case END_OF_LIFE -> "The release is past end of life; move to a supported base image.";
            default -> "No fixed version yet; remove " + v.packageName() + " if the image does not need it, or accept the risk"
                    + " with a reason and an expiry in .drydockignore.";
        };
    }

    /** The fixed versions, comma-separated, or empty. */
    static String fixedIn(Finding f) {
        return f.vulnerability() == null ? "" : String.join(", ", f.vulnerability().fixedVersions());
    }

    /** The advisory or documentation page for a finding's id. */
    static String idUrl(Finding f) {
        String id = f.id();
        return switch (f.kind()) {
            case VULNERABILITY -> id.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + id
                    : id.startsWith("GHSA-") ? "https://github.com/advisories/" + id
                    : "https://osv.dev/vulnerability/" + id;
            case SECRET -> DOCS + "secrets.md#" + anchor(id);
            case MISCONFIGURATION -> DOCS + "checks.md#" + anchor(id);
            case LINT -> DOCS + "rules.md#" + anchor(id);
        };
    }

    /** The help page a rule points to: its first reference for checks and rules that give one, else {@link #idUrl}. */
    static String helpUri(Finding f) {
        if (f.kind() != Finding.Kind.VULNERABILITY && !f.references().isEmpty() && isWebUrl(f.references().get(0))) {
            return f.references().get(0);
        }
        return idUrl(f);
    }

    /** An absolute http(s) URL that parses as a URI: what formats with a {@code uri} field may hold. */
    static boolean isWebUrl(String s) {
        if (s == null || !(s.startsWith("https://") || s.startsWith("http://"))) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(s);
            return u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The finding's references and its id page, without duplicates, references first. */
    static List<String> links(Finding f) {
        Set<String> s = new LinkedHashSet<>(f.references());
        s.add(idUrl(f));
        return new ArrayList<>(s);
    }

    private static String anchor(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    }

    /** {@code openssl 3.0.11-1~deb12u2} for a vulnerability, else empty. */
    static String packageLabel(Finding f) {
        Finding.Vulnerability v = f.vulnerability();
        return v == null ? "" : v.packageName() + (v.installedVersion() == null ? "" : " " + v.installedVersion());
    }

    /** A human place: {@code app/.env:3 (layer 2, deleted in layer 4)}, {@code config Env[X]}; empty when none. */
    static String where(Finding f) {
        Finding.Location l = f.location();
        if (l == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (l.path() != null) {
            sb.append(l.path());
            if (l.line() != null) {
                sb.append(':').append(l.line());
            }
        }
        if (l.configField() != null) {
            sb.append(sb.length() == 0 ? "" : " ").append("config ").append(l.configField());
        }
        List<String> layer = new ArrayList<>();
        if (l.layerIndex() != null) {
            layer.add("layer " + (l.layerIndex() + 1));
        }
        if (l.deletedInLayer() != null) {
            layer.add("deleted in layer " + (l.deletedInLayer() + 1));
        }
        if (!layer.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " ").append('(').append(String.join(", ", layer)).append(')');
        }
        return sb.toString();
    }

    /** A finding class: one per vulnerability id and package, one per rule or check id otherwise. */
    static String classKey(Finding f) {
        return f.vulnerability() == null ? f.kind() + "\n" + f.id()
                : f.kind() + "\n" + f.id() + "\n" + f.vulnerability().packageName();
    }

    /**
     * A stable fingerprint of what a finding is and where (not its severity or text, which feeds change): kind, id,
     * package and version, target, path, line, config field, layer. SHA-256, hex.
     */
    static String fingerprint(Finding f) {
        Finding.Vulnerability v = f.vulnerability();
        Finding.Location l = f.location();
        String key = String.join("\n", f.kind().name(), f.id(), f.target() == null ? "" : f.target(),
                v == null ? "" : v.packageName() + "@" + v.installedVersion(),
                l == null || l.path() == null ? "" : l.path(),
                l == null || l.line() == null ? "" : l.line().toString(),
                l == null || l.configField() == null ? "" : l.configField(),
                l == null || l.layerDiffId() == null ? "" : l.layerDiffId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Whether a vector string is CVSS v4, v3.x or v2 (by its prefix), for formats that name the method. */
    static String cvssVersion(String vector) {
        if (vector == null) {
            return null;
        }
        if (vector.startsWith("CVSS:4.")) {
            return "4";
        }
        if (vector.startsWith("CVSS:3.1")) {
            return "3.1";
        }
        if (vector.startsWith("CVSS:3.0")) {
            return "3.0";
        }
        return vector.contains("Au:") ? "2" : null;
    }

    /** One line: whitespace runs become one space. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    static String suppressionText(Finding.Suppression s) {
        StringBuilder sb = new StringBuilder("by ").append(s.by());
        if (s.source() != null) {
            sb.append(" (").append(s.source()).append(')');
        }
        sb.append(": ").append(s.reason() == null || s.reason().isBlank() ? "no reason given" : oneLine(s.reason()));
        if (s.expires() != null) {
            sb.append("; expires ").append(s.expires());
        }
        return sb.toString();
    }
}
