package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.HTTP2_RAPID_RESET;
import static dev.drydock.policy.PolicyFixtures.LOG4SHELL;
import static dev.drydock.policy.PolicyFixtures.OPENSSL_PKCS12;
import static dev.drydock.policy.PolicyFixtures.READLINE_UNFIXED;
import static dev.drydock.policy.PolicyFixtures.ROOT;
import static dev.drydock.policy.PolicyFixtures.TODAY;
import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.scan.ScanReport;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVexWriterTest {

    static final Path GOLDEN = Path.of("src/test/resources/policy/openvex.golden.json");

    @TempDir
    Path dir;

    /** The fixture image with an ignore and a VEX statement applied. */
    static ScanReport applied(Path dir) throws Exception {
        Path ignore = write(dir, ".drydockignore", """
                ignores:
                  - id: CVE-2024-0727
                    reason: PKCS12 files are never parsed
                    expires: 2027-01-31
                """);
        Path vex = write(dir, "in.vex.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-11-01T00:00:00Z",
                 "version": 1, "statements": [
                  {"vulnerability": {"name": "CVE-2023-44487"}, "products": [{"@id": "pkg:deb/debian/libnghttp2-14"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path",
                   "impact_statement": "No HTTP/2 server runs in the image."}]}
                """);
        ScanReport r = PolicyFixtures.report(HTTP2_RAPID_RESET, LOG4SHELL, OPENSSL_PKCS12, READLINE_UNFIXED, ROOT);
        return Policy.apply(r, PolicyConfig.DEFAULT, Ignores.read(ignore), List.of(Vex.read(vex)), TODAY, null, PolicyFixtures.SCHEMES);
    }

    static String render(ScanReport r) throws Exception {
        StringWriter w = new StringWriter();
        new OpenVexWriter("Team App <app@example.com>", Instant.parse("2026-11-23T00:00:00Z")).write(r, w);
        return w.toString();
    }

    static JsonNode document() throws Exception {
        Path tmp = Files.createTempDirectory("openvex");
        return new ObjectMapper().readTree(render(applied(tmp)));
    }

    @Test
    void matchesTheGoldenFile() throws Exception {
        // the version changes with every release: blanked, as volatile values are in golden files
        String out = render(applied(dir)).replace("\"drydock " + dev.drydock.Version.get() + "\"", "\"drydock VERSION\"");
        if (Boolean.getBoolean("drydock.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, out);
        }
        assertThat(out).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void statementsSayWhatDrydockKnows() throws Exception {
        List<VexStatements.Statement> s = VexStatements.of(applied(dir));
        assertThat(s).extracting(VexStatements.Statement::vulnerability)
                .containsExactly("CVE-2021-44228", "CVE-2023-44487", "CVE-2024-0727", "CVE-2022-0001");
        VexStatements.Statement http2 = s.get(1);
        assertThat(http2.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(http2.justification()).isEqualTo(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
        assertThat(http2.justification().cycloneDx()).isEqualTo("code_not_reachable");
        assertThat(http2.impactStatement()).isEqualTo("No HTTP/2 server runs in the image.");
        assertThat(http2.product()).isEqualTo("pkg:oci/app@sha256%3A" + "ab".repeat(32)
                + "?repository_url=registry.example.com%2Fteam%2Fapp&tag=1.4");
        assertThat(http2.subcomponent()).isEqualTo(HTTP2_RAPID_RESET.vulnerability().purl());
        // an accepted risk is still affected, and says so
        VexStatements.Statement accepted = s.get(2);
        assertThat(accepted.status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(accepted.status().cycloneDx()).isEqualTo("exploitable");
        assertThat(accepted.actionStatement()).isEqualTo("Upgrade libssl3 to 3.0.13-1~deb12u1 or later."
                + " Accepted by the team until 2027-01-31: PKCS12 files are never parsed");
        assertThat(accepted.cycloneDxResponse()).containsExactly("update", "will_not_fix");
        assertThat(http2.cycloneDxResponse()).isEmpty();
        assertThat(http2.cycloneDxDetail()).isEqualTo("No HTTP/2 server runs in the image.");
        assertThat(s.get(3).actionStatement()).startsWith("No fixed version is available yet");
        assertThat(s.get(3).cycloneDxResponse()).isEmpty();
    }

    @Test
    void drydocksOwnOutputReadsBackAsVexAndSuppressesTheSame() throws Exception {
        ScanReport r = applied(dir);
        Path out = dir.resolve("out.openvex.json");
        Files.writeString(out, render(r));
        Vex back = Vex.read(out);
        assertThat(back.statements()).hasSize(4);
        ScanReport again = Policy.apply(PolicyFixtures.report(HTTP2_RAPID_RESET, LOG4SHELL), PolicyConfig.DEFAULT, Ignores.NONE,
                List.of(back), TODAY, null, PolicyFixtures.SCHEMES);
        assertThat(again.findings()).filteredOn(f -> f.suppressed() != null).singleElement()
                .satisfies(f -> assertThat(f.id()).isEqualTo("CVE-2023-44487"));
    }
}
