package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.scan.Subject;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the goldens show, asserted by name: the properties each format promises, on the fixture and on edge cases. */
class ScanWritersTest {

    static String render(ReportFormat f, ScanReport r, ReportSettings s) throws Exception {
        StringWriter w = new StringWriter();
        f.writer(s).write(r, w);
        return w.toString();
    }

    static ScanReport empty() {
        return new ScanReport(ScanReport.SCHEMA_VERSION, Subject.directory("./site"), null, null, null, List.of(), List.of(),
                new ScanReport.Verdict(true, null, List.of(), List.of()));
    }

    @Test
    void tableStartsWithTheCountsAndEndsWithTheVerdictAndTheFailedRule() throws Exception {
        String t = render(ReportFormat.TABLE, ScanReportFixture.report(), ScanReportFixture.settings());
        List<String> lines = t.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Total: 12 findings (CRITICAL: 3, HIGH: 4, MEDIUM: 2, LOW: 2, UNKNOWN: 1); 2 suppressed");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Verdict: FAIL (failed rule: fail-on: high)");
        assertThat(lines.get(lines.size() - 2)).contains("forbidden-packages");
        assertThat(t).doesNotContain("\u001b[");
        int suppressedAt = t.indexOf("Suppressed (2, not counted)");
        assertThat(suppressedAt).isPositive();
        assertThat(t.indexOf("CVE-2024-29041")).as("suppressed findings only in their own section").isGreaterThan(suppressedAt);
        assertThat(t).contains("expires 2026-12-31", "by vex (vex/shop-api.openvex.json): not_affected");
        assertThat(t).contains("\ndebian 12 (dpkg)  4 findings (CRITICAL 1, HIGH 2, UNKNOWN 1)\n");
        assertThat(t).containsPattern("will not fix +1:1\\.2\\.13").contains("[KEV] ", "app/.env:3 (layer 3, deleted in layer 4)");
    }

    @Test
    void tableIsColouredOnlyWhenAsked() throws Exception {
        String t = render(ReportFormat.TABLE, ScanReportFixture.report(), ScanReportFixture.settings().withColor(true));
        assertThat(t).contains("\u001b[1m\u001b[31mCRITICAL", "\u001b[1m\u001b[31mVerdict: FAIL\u001b[0m");
        assertThat(t.replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo(render(ReportFormat.TABLE, ScanReportFixture.report(), ScanReportFixture.settings()));
    }

    @Test
    void anEmptyPassingScanSaysSoInEveryFormat() throws Exception {
        for (ReportFormat f : ReportFormat.values()) {
            String out = render(f, empty(), ScanReportFixture.settings());
            assertThat(out).as(f.id()).isNotBlank();
        }
        String t = render(ReportFormat.TABLE, empty(), ScanReportFixture.settings());
        assertThat(t.lines().findFirst()).hasValue("Total: 0 findings (CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0)");
        assertThat(t).endsWith("Verdict: PASS\n");
        String junit = render(ReportFormat.JUNIT, empty(), ScanReportFixture.settings());
        assertThat(junit).contains("<testcase classname=\"secrets\" name=\"no secrets found\"/>")
                .doesNotContain("<failure");
    }

    @Test
    void junitHasOneCasePerFindingClassWithFailuresSkipsAndCleanScanners() throws Exception {
        String xml = render(ReportFormat.JUNIT, ScanReportFixture.report(), ScanReportFixture.settings()
                .withScanners(Set.of(Finding.Kind.VULNERABILITY, Finding.Kind.SECRET, Finding.Kind.MISCONFIGURATION, Finding.Kind.LINT)));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = d.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            names.add(((Element) suites.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("vulnerabilities", "secrets", "misconfigurations", "lint findings", "policy");
        NodeList cases = d.getElementsByTagName("testcase");
        assertThat(cases.getLength()).as("8 vulnerability classes, 1 secret, 4 checks, 1 lint rule, the policy").isEqualTo(15);
        assertThat(d.getElementsByTagName("skipped").getLength()).as("the two suppressed").isEqualTo(2);
        assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(13);
        assertThat(root.getAttribute("tests")).isEqualTo("15");
        assertThat(root.getAttribute("failures")).isEqualTo("13");
        Element kev = find(cases, "CVE-2023-4911 in libc6");
        assertThat(kev.getAttribute("classname")).isEqualTo("debian 12 (dpkg)");
        assertThat(kev.getElementsByTagName("failure").item(0).getTextContent())
                .contains("fixed in 2.36-9+deb12u3", "[known exploited]", "Fix: Upgrade libc6");
        Element xss = find(cases, "DI0007: ADD in history: ADD <script>window.__xss=1</script> /app/");
        assertThat(xss).isNotNull();
        Element policy = find(cases, "fail-on: high");
        assertThat(policy.getElementsByTagName("failure").item(0).getTextContent()).contains("forbidden-packages",
                "expired ignore: CVE-2022-0778");
    }

    @Test
    void junitGivesEachCleanScannerAPassingCase() throws Exception {
        ScanReport onlyVulns = ScanReportFixture.report();
        onlyVulns = onlyVulns.withFindings(onlyVulns.findings().stream().filter(f -> f.kind() == Finding.Kind.VULNERABILITY).toList());
        String xml = render(ReportFormat.JUNIT, onlyVulns, ScanReportFixture.settings());
        assertThat(xml).contains("<testcase classname=\"secrets\" name=\"no secrets found\"/>",
                "<testcase classname=\"misconfigurations\" name=\"no misconfigurations found\"/>")
                .doesNotContain("lint findings");
    }

    @Test
    void htmlEscapesEverythingAndLoadsNothing() throws Exception {
        Finding evil = new Finding(Finding.Kind.MISCONFIGURATION, "DI9\"><img src=x onerror=alert(1)>", List.of(),
                Severity.HIGH, "<script>alert('t')</script>", "<b onmouseover=alert(2)>d</b>", "<i>target</i>\" x=\"",
                Finding.Location.file("a/<svg onload=alert(3)>", 2), null, "<a href=javascript:alert(4)>fix</a>",
                List.of("javascript:alert(5)", "https://example.com/?q=\"><script>"), null);
        ScanReport r = ScanReportFixture.report();
        r = r.withFindings(List.of(evil));
        String html = render(ReportFormat.HTML, r, ScanReportFixture.settings());
        String body = html.substring(html.indexOf("<body>"), html.indexOf("<script>\n(function"));
        assertThat(body).doesNotContain("<script", "<img", "<svg onload", "<b onmouseover", "<i>target", "href=\"javascript:",
                "<a href=javascript");
        assertThat(body).contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;", "&lt;svg onload=alert(3)&gt;",
                "<li>javascript:alert(5)</li>", "data-target=\"&lt;i&gt;target&lt;/i&gt;&quot; x=&quot;\"");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).doesNotContain(" src=\"", "<link", "@import", "url(", "<iframe", "<object", "<embed");
        assertThat(html.split("<script>", -1)).as("exactly one script: the page's own").hasSize(2);
    }

    @Test
    void sarifCycloneDxAndGitlabLeaveOutWhatTheyCannotHold() throws Exception {
        String gitlab = render(ReportFormat.GITLAB, ScanReportFixture.report(), ScanReportFixture.settings());
        assertThat(gitlab).doesNotContain("aws-access-key-id", "CVE-2024-29041");
        String cdx = render(ReportFormat.CYCLONEDX, ScanReportFixture.report(), ScanReportFixture.settings());
        assertThat(cdx).doesNotContain("aws-access-key-id").contains("CVE-2024-29041");
        String sarif = render(ReportFormat.SARIF, ScanReportFixture.report(), ScanReportFixture.settings());
        assertThat(sarif).contains("aws-access-key-id", "CVE-2024-29041", "\"suppressions\"");
    }

    @Test
    void noSecretValueReachesAnyFormat() throws Exception {
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(render(f, ScanReportFixture.report(), ScanReportFixture.settings())).as(f.id())
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        }
    }

    private static Element find(NodeList cases, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case " + name);
    }
}
