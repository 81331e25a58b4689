package dev.drydock.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsing never fails and stays linear. Calls {@link ShellParser} directly, because {@link ShellScript#parse}
 * would hide an exception behind its last-resort catch.
 */
class ShellParserFuzzTest {

    private static final String[] PIECES = {
        " ", "\n", "\t", "\\", "\\\n", "'", "\"", "`", "$", "$(", "$((", "${", "}", "{", "(", ")", ";", ";;", "&",
        "&&", "|", "||", "|&", "<", ">", ">>", "<<", "<<-", "<<<", "2>&1", "&>", "!", "#", "=", "A=1", "EOF",
        "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function",
        "[[", "]]", "sh -c", "sudo", "env", "xargs", "find -exec", "\\;", "apt-get", "-y", "--yes", "x", "$'", "<(",
        "f()", "\r\n", "\u00e9", "\0"};

    private static List<ShellCommand> parse(String script) {
        List<ShellCommand> sink = new ArrayList<>();
        ShellParser.parse(script, 0, true, 0, sink);
        return sink;
    }

    @Test
    void randomPieces_neverThrow() {
        Random random = new Random(20240607L);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String script = sb.toString();
            assertThatCode(() -> {
                for (ShellCommand c : parse(script)) {
                    c.name();
                    c.hasFlag("-y", "--yes");
                    c.flagValue("-o", "--output");
                    c.operands(java.util.Set.of("-o"));
                }
            }).as(script).doesNotThrowAnyException();
        }
    }

    @Test
    void randomCharacters_neverThrow() {
        Random random = new Random(42L);
        for (int k = 0; k < 20_000; k++) {
            char[] chars = new char[random.nextInt(60)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : (char) (32 + random.nextInt(95));
            }
            String script = new String(chars);
            assertThatCode(() -> parse(script)).as(script).doesNotThrowAnyException();
        }
    }

    @Test
    void deepNesting_neitherOverflowsNorHangs() {
        int n = 50_000;
        List<String> scripts = List.of(
                "$(".repeat(n) + "ls" + ")".repeat(n),
                "\"$(".repeat(n) + "ls",
                "(".repeat(n) + "ls" + ")".repeat(n),
                "{ ".repeat(n) + "ls" + "; }".repeat(n),
                "if a; then ".repeat(n) + "ls" + "; fi".repeat(n),
                "while a; do ".repeat(n),
                "case x in y) ".repeat(n),
                "f() ".repeat(n) + "{ ls; }",
                "sh -c \"sh -c ".repeat(n),
                "`".repeat(n),
                "<(".repeat(n),
                "[[ ".repeat(n),
                "echo 'x".repeat(n),
                "cat <<EOF\n".repeat(n),
                "a | ".repeat(n) + "b",
                "sudo ".repeat(n) + "ls",
                "env ".repeat(n) + "ls",
                "x=".repeat(n));
        for (String script : scripts) {
            assertThatCode(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> ShellScript.parse(script))).as(script.substring(0, 20)).doesNotThrowAnyException();
            assertThatCode(() -> parse(script)).as(script.substring(0, 20)).doesNotThrowAnyException();
        }
    }

    @Test
    void nestedCommandsBeyondTheDepthBudgetAreStillFound() {
        String script = "( ".repeat(200) + "apt-get update" + " )".repeat(200) + "; echo after";
        assertThat(ShellScript.parse(script).commands()).extracting(ShellCommand::name)
                .containsExactly("apt-get", "echo");
    }

    @Test
    void adjacentParenthesesOpenAnArithmeticCommand() {
        assertThat(ShellScript.parse("((x = 1 + 2)); ls").commands()).extracting(ShellCommand::name)
                .containsExactly("ls");
    }

    @Test
    void nullAndEmpty() {
        assertThat(ShellScript.parse(null).commands()).isEmpty();
        assertThat(ShellScript.parse("").pipelines()).isEmpty();
        assertThat(ShellScript.parse("   \n\\\n # c").commands()).isEmpty();
    }
}
