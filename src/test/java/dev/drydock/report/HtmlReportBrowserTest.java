package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: Debian's {@code chromium}, headless. With chromium alone ({@code --dump-dom},
 * the DOM after the page's script ran): the findings render and a filter given in the URL fragment hides the others.
 * With Playwright too ({@code src/test/js}, {@code npm ci} there; playwright-core drives the same chromium): the
 * filters, search, sort and details work by clicking, the page makes no request but its own file, and the finding
 * whose title carries a {@code <script>} shows it as text without running it. Skipped, saying why, when chromium or
 * Playwright is missing ({@code .ci/install-report-tools.sh} installs both). {@code -Ddrydock.updateGolden=true} also
 * refreshes {@code docs/report.png}.
 */
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target", "html-report");
    private static Path report;

    @BeforeAll
    static void writeReport() throws Exception {
        Files.createDirectories(OUT);
        report = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(report, ReportGoldenTest.render(ReportFormat.HTML));
    }

    static String chromium() {
        String configured = System.getProperty("drydock.chromium");
        if (configured != null) {
            return Files.isExecutable(Path.of(configured)) ? configured : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private static String requireChromium() {
        String c = chromium();
        assumeTrue(c != null, "chromium not found (apt-get install chromium, or .ci/install-report-tools.sh): HTML browser test skipped");
        return c;
    }

    /** Runs a command, returns its stdout; fails with its stderr when it fails or takes over two minutes. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile(OUT, "stderr", ".txt");
        Path out = Files.createTempFile(OUT, "stdout", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in 120 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(err)).isZero();
        return stdout;
    }

    static String dumpDom(String chromium, String fragment) throws Exception {
        return run(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                "--dump-dom", report.toUri() + fragment));
    }

    private record Row(String id, String severity, boolean hidden) {
    }

    private static final Pattern ROW = Pattern.compile("<tr class=\"finding[^\"]*\"([^>]*)>");

    private static List<Row> rows(String dom) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            String attrs = m.group(1);
            rows.add(new Row(attr(attrs, "data-id"), attr(attrs, "data-severity"), attrs.matches("(?s).*\\shidden(=\"\")?(\\s.*|$)")));
        }
        return rows;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void rendersTheFindingsInHeadlessChromium() throws Exception {
        String dom = dumpDom(requireChromium(), "");
        assertThat(dom).as("the page's script ran").contains("data-ready=\"true\"");
        List<Row> rows = rows(dom);
        assertThat(rows).hasSize(14);
        assertThat(rows.stream().filter(r -> !r.hidden()).count()).as("suppressed hidden at first").isEqualTo(12);
        assertThat(dom).contains("12 of 14 findings shown", "CVE-2023-4911", "Prototype Pollution in minimist",
                "Upgrade minimist from 1.2.5 to 1.2.6 or later.");
        assertThat(dom).as("the <script> in a title is text").contains("ADD &lt;script&gt;window.__xss=1&lt;/script&gt; /app/")
                .doesNotContain("<script>window.__xss");
    }

    @Test
    void aSeverityFilterInTheUrlHidesTheOthers() throws Exception {
        String dom = dumpDom(requireChromium(), "#severity=critical");
        List<Row> rows = rows(dom);
        assertThat(rows).hasSize(14);
        assertThat(rows.stream().filter(r -> !r.hidden()).map(Row::id))
                .containsExactly("CVE-2021-44906", "CVE-2023-45853", "aws-access-key-id");
        assertThat(rows.stream().filter(r -> !r.severity().equals("critical"))).allMatch(Row::hidden);
        assertThat(dom).contains("3 of 14 findings shown");
    }

    @Test
    void filtersSearchAndSortWorkWhenClicked() throws Exception {
        String chromium = requireChromium();
        Path script = Path.of("src/test/js/html-report.mjs").toAbsolutePath();
        assumeTrue(Files.isDirectory(Path.of("src/test/js/node_modules/playwright-core")),
                "playwright-core not installed (cd src/test/js && npm ci, or .ci/install-report-tools.sh): Playwright test skipped");
        Path png = OUT.resolve("report.png").toAbsolutePath();
        JsonNode r = new ObjectMapper().readTree(run(List.of("node", script.toString(), report.toString(), png.toString(),
                chromium)));
        assertThat(r.get("requests")).as("no network requests").hasSize(1);
        assertThat(r.at("/requests/0").asText()).startsWith("file:///").endsWith("/html-report/report.html");
        assertThat(r.get("consoleErrors")).isEmpty();
        assertThat(r.get("dialogs").asInt()).isZero();
        assertThat(r.get("xss").isNull()).as("the <script> in a title did not run").isTrue();
        assertThat(r.at("/xssText/0").asText()).contains("<script>window.__xss=1</script>");
        assertThat(r.get("initial")).hasSize(12);
        assertThat(r.get("critical").findValuesAsText("severity")).hasSize(3).containsOnly("critical");
        assertThat(r.get("criticalCount").asText()).isEqualTo("3 of 14 findings shown");
        assertThat(r.get("hashAfterFilter").asText()).isEqualTo("#severity=critical");
        assertThat(r.get("misconfiguration").findValuesAsText("id")).containsExactly("DI0001", "DI0006", "DI0002", "DI0007");
        assertThat(r.get("search").findValuesAsText("id")).containsExactly("CVE-2021-23337");
        assertThat(r.get("withSuppressed")).hasSize(14);
        List<String> sorted = new ArrayList<>();
        r.get("sortedById").forEach(n -> sorted.add(n.asText()));
        assertThat(sorted).startsWith("aws-access-key-id", "CVE-2021-23337", "CVE-2021-44906", "CVE-2023-4911")
                .endsWith("TEMP-0841856-B18BAF");
        assertThat(r.get("ariaSort").asText()).isEqualTo("ascending");
        assertThat(r.get("detailsOpen").asBoolean()).isTrue();
        assertThat(r.get("fixShown").asBoolean()).isTrue();
        assertThat(png).isRegularFile();
        if (Boolean.getBoolean("drydock.updateGolden")) {
            Files.copy(png, Path.of("docs/report.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
