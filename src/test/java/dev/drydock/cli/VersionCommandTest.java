package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.version.VersionSchemes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code drydock version compare|satisfies|ecosystems}: answers, stdin batches, and bad input with exit codes. */
class VersionCommandTest {

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    int run(String stdin, String... args) {
        out.reset();
        err.reset();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return Main.run(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void comparesTwoVersionsInTheEcosystemsScheme() {
        assertThat(run("", "version", "compare", "--ecosystem", "npm", "1.2.3", "1.10.0")).isZero();
        assertThat(stdout()).isEqualTo("-1" + System.lineSeparator());
        assertThat(run("", "version", "compare", "-e", "Maven", "1.0-GA", "1")).isZero();
        assertThat(stdout().strip()).isEqualTo("0");
        assertThat(run("", "version", "compare", "-e", "Go", "v1.21.0", "go1.21rc2")).isZero();
        assertThat(stdout().strip()).isEqualTo("1");
        assertThat(run("", "version", "compare", "-e", "packagist", "1.0.0-p1", "1.0.0")).isZero();
        assertThat(stdout().strip()).isEqualTo("1");
    }

    @Test
    void explainShowsHowEachVersionIsRead() {
        assertThat(run("", "version", "compare", "-e", "Maven", "--explain", "1.0-GA", "1.0.0.RC1")).isZero();
        assertThat(stdout().lines().toList()).containsExactly("A 1.0-GA reads as 1", "B 1.0.0.RC1 reads as 1-rc-1",
                "in maven order: A > B", "1");
        assertThat(run("", "version", "compare", "-e", "Packagist", "--explain", "v1.0-p1", "1.0")).isZero();
        assertThat(stdout()).contains("A v1.0-p1 reads as 1.0.0.0-patch1", "B 1.0 reads as 1.0.0.0", "A > B");
        assertThat(run("", "version", "compare", "-e", "npm", "--explain", "--stdin")).isEqualTo(2);
    }

    @Test
    void everyRegisteredEcosystemAnswers() {
        // whatever schemes are registered (this branch's and others'), each must compare through the CLI
        for (String ecosystem : VersionSchemes.ecosystems()) {
            int code = run("", "version", "compare", "-e", ecosystem, "1.0.0", "1.0.0");
            assertThat(code).as("%s: %s", ecosystem, stderr()).isIn(0, 3);
            if (code == 0) {
                assertThat(stdout().strip()).as(ecosystem).isEqualTo("0");
            }
        }
        assertThat(run("", "version", "ecosystems")).isZero();
        assertThat(stdout()).contains("npm\tnpm", "Maven\tmaven", "Go\tgo", "NuGet\tnuget", "Packagist\tcomposer",
                "crates.io\tcargo");
    }

    @Test
    void stdinPairsGiveOneLinePerLineAndErrorsNameTheLine() {
        String in = "1.0.0 2.0.0\n2.0.0\t1.0.0\n  1.0.0   1.0.0  \nnot-a-version 1.0.0\n\n1.0.0-rc.1 1.0.0\r\n3.0.0 3.0.0";
        assertThat(run(in, "version", "compare", "-e", "npm", "--stdin")).isEqualTo(3);
        assertThat(stdout().lines().toList()).containsExactly("-1", "1", "0",
                "error: line 4: invalid npm version 'not-a-version': expected MAJOR.MINOR.PATCH",
                "error: line 5: expected two versions 'A B' (or 'A<TAB>B'), got ''",
                "-1", "0");
        assertThat(stderr()).contains("2 of 7 line(s) could not be compared");
    }

    @Test
    void longStdinLinesAreReportedNotBuffered() {
        String in = "1.0.0 " + "1".repeat(200_000) + "\n1.0.0 1.0.1\n";
        assertThat(run(in, "version", "compare", "-e", "npm", "--stdin")).isEqualTo(3);
        assertThat(stdout().lines().toList()).containsExactly("error: line 1: longer than 65536 characters", "-1");
    }

    @Test
    void cleanStdinExitsZero() {
        assertThat(run("1.0 1.0.0\n1.0.0.1 1.0\n", "version", "compare", "-e", "NuGet", "--stdin")).isZero();
        assertThat(stdout().lines().toList()).containsExactly("0", "1");
        assertThat(run("", "version", "compare", "-e", "NuGet", "--stdin")).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void badVersionIsExitThreeWithTheMessageAndNoStackTrace() {
        assertThat(run("", "version", "compare", "-e", "npm", "1.2", "1.2.3")).isEqualTo(3);
        assertThat(stderr()).contains("drydock: invalid npm version '1.2'").doesNotContain("Exception", "\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(run("", "version", "compare", "-e", "Nope", "1", "2")).isEqualTo(2);
        assertThat(stderr()).contains("no version scheme for 'Nope'", "npm", "Maven");
        assertThat(run("", "version", "compare", "-e", "npm", "1.0.0")).isEqualTo(2);
        assertThat(run("", "version", "compare", "-e", "npm", "--stdin", "1.0.0")).isEqualTo(2);
        assertThat(run("", "version", "compare", "1.0.0", "2.0.0")).isEqualTo(2);
        assertThat(run("", "version")).isEqualTo(2);
    }

    @Test
    void satisfiesAnswersAsNodeSemver() {
        assertThat(run("", "version", "satisfies", "-e", "npm", "1.2.3", "^1.0.0")).isZero();
        assertThat(stdout().strip()).isEqualTo("true");
        assertThat(run("", "version", "satisfies", "-e", "npm", "2.0.0-rc.1", "^1.0.0 || >=2.0.0")).isZero();
        assertThat(stdout().strip()).isEqualTo("false"); // a pre-release needs a comparator naming 2.0.0-something
        assertThat(run("", "version", "satisfies", "-e", "npm", "1.2.3", ">=1.2.3 <2 !")).isEqualTo(3);
        assertThat(stderr()).contains("invalid npm range");
        assertThat(run("", "version", "satisfies", "-e", "Maven", "1", "[1,2)")).isEqualTo(2);
    }
}
