package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.policy.ImageFacts;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.scan.Subject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The mixin as a scanning command uses it, with drydock's exit-code handlers. */
class PolicyOptionsTest {

    @TempDir
    Path dir;

    @Command(name = "scan")
    static final class ScanLike implements Callable<Integer> {
        @Mixin
        PolicyOptions policy;

        @Option(names = "--workdir")
        Path workDir;

        ScanReport result;

        @Override
        public Integer call() {
            PolicyOptions.Inputs in = policy.load(workDir);
            Finding high = new Finding(Finding.Kind.VULNERABILITY, "CVE-2023-44487", List.of(), Severity.HIGH, "HTTP/2 rapid reset",
                    null, "debian 12 (dpkg)", null, null, null, List.of(), null);
            ScanReport scanned = new ScanReport(ScanReport.SCHEMA_VERSION, Subject.directory("."), null, null, null, List.of(high),
                    List.of(), null);
            result = in.apply(scanned, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), ImageFacts.of(scanned));
            return policy.exitCode(result);
        }
    }

    private final StringWriter err = new StringWriter();
    private ScanLike command;

    private int run(String... args) {
        command = new ScanLike();
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new ExitCodes.ExecutionHandler());
        cl.setParameterExceptionHandler(new ExitCodes.ParameterHandler());
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--workdir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void passesWithoutPolicy() {
        assertThat(run()).isEqualTo(0);
        assertThat(command.result.verdict().passed()).isTrue();
    }

    @Test
    void failOnFromTheOptionWinsOverTheFile() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "fail-on: critical\n");
        assertThat(run()).isEqualTo(0);
        assertThat(run("--fail-on", "high")).isEqualTo(1);
        assertThat(command.result.verdict().rule()).isEqualTo("fail-on: high");
        assertThat(run("--fail-on", "high", "--exit-code", "7")).isEqualTo(7);
        assertThat(run("--fail-on", "high", "--exit-code", "0")).isEqualTo(0);
    }

    @Test
    void ignoreFileFromTheWorkingDirectoryAndVexFromOptions() throws Exception {
        Files.writeString(dir.resolve(".trivyignore"), "# not served\nCVE-2023-44487\n");
        assertThat(run("--fail-on", "high")).isEqualTo(0);
        assertThat(command.result.findings().get(0).suppressed().reason()).isEqualTo("not served");
        Path vex = dir.resolve("v.json");
        Files.writeString(vex, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-11-01T00:00:00Z",
                 "version": 1, "statements": [{"vulnerability": {"name": "CVE-2023-44487"}, "products": [{"@id": "."}],
                 "status": "not_affected", "justification": "component_not_present"}]}
                """);
        Path empty = dir.resolve("none.yaml");
        Files.writeString(empty, "ignores: []\n");
        assertThat(run("--fail-on", "high", "--ignorefile", empty.toString(), "--vex", vex.toString())).isEqualTo(0);
        assertThat(command.result.findings().get(0).suppressed().by()).isEqualTo("vex");
    }

    @Test
    void badFilesExitThreeNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "fail-on: high\nrequire-non-rot: true\n");
        assertThat(run()).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).isEqualTo("drydock: " + dir.resolve(".drydock.yaml")
                + ":2:1: require-non-rot: unknown key (did you mean 'require-non-root'?) (known keys: fail-on, min-severity,"
                + " ignore-unfixed, scanners, rules, trusted-registries, allowed-base-images, require-digest-pinned-base,"
                + " require-non-root, max-image-size, forbidden-packages, deny-licenses, dockerfile, db, secrets)" + System.lineSeparator());
        Files.delete(dir.resolve(".drydock.yaml"));
        Files.writeString(dir.resolve(".drydockignore"), "ignores:\n  - id: CVE-2023-44487\n");
        assertThat(run()).isEqualTo(3);
        assertThat(err.toString()).contains(".drydockignore:2:5: ignores[0]: reason is required");
        assertThat(run("--ignorefile", dir.resolve("missing").toString())).isEqualTo(3);
        Files.delete(dir.resolve(".drydockignore"));
        assertThat(run("--vex", dir.resolve("missing.json").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("missing.json: file not found");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("--fail-on", "loud")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--fail-on: unknown severity 'loud'");
        assertThat(run("--exit-code", "300")).isEqualTo(ExitCodes.USAGE);
    }
}
