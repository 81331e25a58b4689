package dev.drydock.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * GitLab's container-scanning report (security-report-schemas, {@code dist/container-scanning-report-format.json},
 * version {@value #VERSION}), the artifact a {@code container_scanning} job uploads with
 * {@code artifacts:reports:container_scanning}. The schema takes vulnerabilities of packages in an image only, so
 * secrets and configuration findings are left to the other formats, and suppressed findings are left out (GitLab has
 * no field for a decision taken elsewhere; the JSON, SARIF and CycloneDX reports keep them). Ids are name-based UUIDs
 * of the finding's fingerprint, so GitLab tracks a finding across pipelines. Scan times: {@link ReportSettings#timestamp}.
 */
final class ScanGitlabWriter implements ReportWriter {

    static final String VERSION = "15.2.4";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * The vector patterns of the schema's {@code cvss_vectors} (CVSS 3.x and 4.0; v2 vectors are left out): a vector
     * the schema would reject makes GitLab drop the whole report, so one that does not match is not written.
     */
    private static final Pattern CVSS3 = Pattern.compile("^CVSS:3[.][01]/((AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]"
            + "|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])/)*"
            + "(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]"
            + "|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])$");
    private static final Pattern CVSS4 = Pattern.compile("^CVSS:4[.]0/AV:[NALP]/AC:[LH]/AT:[NP]/PR:[NLH]/UI:[NPA]/VC:[HLN]"
            + "/VI:[HLN]/VA:[HLN]/SC:[HLN]/SI:[HLN]/SA:[HLN](/E:[XAPU])?(/CR:[XHML])?(/IR:[XHML])?(/AR:[XHML])?(/MAV:[XNALP])?"
            + "(/MAC:[XLH])?(/MAT:[XNP])?(/MPR:[XNLH])?(/MUI:[XNPA])?(/MVC:[XNLH])?(/MVI:[XNLH])?(/MVA:[XNLH])?(/MSC:[XNLH])?"
            + "(/MSI:[XNLHS])?(/MSA:[XNLHS])?(/S:[XNP])?(/AU:[XNY])?(/R:[XAUI])?(/V:[XDC])?(/RE:[XLMH])?"
            + "(/U:(X|Clear|Green|Amber|Red))?$");

    private final ReportSettings settings;

    ScanGitlabWriter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        ObjectNode root = ScanJsonWriter.JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("schema", "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v" + VERSION
                + "/dist/container-scanning-report-format.json");
        ObjectNode scan = root.putObject("scan");
        ObjectNode analyzer = scan.putObject("analyzer");
        tool(analyzer);
        tool(scan.putObject("scanner"));
        Instant at = settings.timestamp(r);
        scan.put("start_time", TIME.format(at));
        scan.put("end_time", TIME.format(at));
        scan.put("status", "success");
        scan.put("type", "container_scanning");
        if (!r.diagnostics().isEmpty()) {
            ArrayNode messages = scan.putArray("messages");
            r.diagnostics().forEach(d -> {
                ObjectNode m = messages.addObject();
                m.put("level", "warn");
                m.put("value", d);
            });
        }
        ArrayNode vulns = root.putArray("vulnerabilities");
        for (Finding f : r.findings()) {
            if (f.vulnerability() != null && f.suppressed() == null) {
                vulns.add(vulnerability(f, r));
            }
        }
        root.putArray("remediations");
        ScanJsonWriter.writeTree(root, out);
    }

    private static void tool(ObjectNode n) {
        n.put("id", "drydock");
        n.put("name", "drydock");
        n.put("url", "https://github.com/drydock-dev/drydock");
        n.putObject("vendor").put("name", "drydock");
        n.put("version", Version.get());
    }

    private static ObjectNode vulnerability(Finding f, ScanReport r) {
        Finding.Vulnerability v = f.vulnerability();
        ObjectNode n = ScanJsonWriter.JSON.createObjectNode();
        n.put("id", UUID.nameUUIDFromBytes(Findings.fingerprint(f).getBytes(StandardCharsets.UTF_8)).toString());
        n.put("name", limit(f.id() + " in " + v.packageName(), 255));
        String description = Findings.oneLine(f.title()) + (f.description() == null ? "" : "\n\n" + f.description());
        n.put("description", limit(description, 1_048_576));
        n.put("severity", switch (f.severity()) {
            case CRITICAL -> "Critical";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case UNKNOWN -> "Unknown";
        });
        String advice = Findings.advice(f);
        if (advice != null) {
            n.put("solution", limit(advice, 7000));
        }
        ArrayNode ids = n.putArray("identifiers");
        identifier(ids, f.id(), Findings.idUrl(f));
        for (String alias : f.aliases()) {
            identifier(ids, alias, null);
        }
        if (v.cvssVector() != null && (CVSS3.matcher(v.cvssVector()).matches() || CVSS4.matcher(v.cvssVector()).matches())) {
            ObjectNode c = n.putArray("cvss_vectors").addObject();
            c.put("vendor", v.dataSource() == null ? "unknown" : v.dataSource());
            c.put("vector", v.cvssVector());
        }
        ArrayNode links = n.putArray("links");
        Findings.links(f).stream().filter(Findings::isWebUrl).forEach(u -> links.addObject().put("url", u));
        ObjectNode loc = n.putObject("location");
        ObjectNode dep = loc.putObject("dependency");
        dep.putObject("package").put("name", v.packageName());
        dep.put("version", v.installedVersion());
        loc.put("operating_system", operatingSystem(r));
        loc.put("image", image(r));
        return n;
    }

    private static void identifier(ArrayNode ids, String id, String url) {
        ObjectNode i = ids.addObject();
        int dash = id.indexOf('-');
        i.put("type", (dash > 0 ? id.substring(0, dash) : "drydock").toLowerCase(Locale.ROOT));
        i.put("name", id);
        i.put("value", id);
        if (url != null) {
            i.put("url", url);
        }
    }

    /** {@code debian:12}, as GitLab's own analyzers write it; {@code unknown} when no OS was detected. */
    private static String operatingSystem(ScanReport r) {
        if (r.os() == null) {
            return "unknown";
        }
        return r.os().id() + (r.os().versionId() == null || r.os().versionId().isEmpty() ? "" : ":" + r.os().versionId());
    }

    private static String image(ScanReport r) {
        if (r.subject() == null) {
            return "unknown";
        }
        return r.subject().tags().isEmpty() ? r.subject().name() : r.subject().tags().get(0);
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
