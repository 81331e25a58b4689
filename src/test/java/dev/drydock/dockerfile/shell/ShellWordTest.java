package dev.drydock.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quote removal, escapes and redirections, one shell word or redirection per row. */
class ShellWordTest {

    static Stream<Arguments> words() {
        return Stream.of(
                // script, expected text of the command's last word, quoted
                Arguments.of("x --foo=\"a b\"c", "--foo=a bc", true),
                Arguments.of("x 'it'\\''s'", "it's", true),
                Arguments.of("x \"a\\\"b\\\\c\\$d\\`e\"", "a\"b\\c$d`e", true),
                Arguments.of("x \"a\\nb\"", "a\\nb", true),          // \n is not an escape in "…"
                Arguments.of("x a\\ b", "a b", true),
                Arguments.of("x \\$HOME", "$HOME", true),
                Arguments.of("x $HOME", "$HOME", false),
                Arguments.of("x ${HOME:-/root}/bin", "${HOME:-/root}/bin", false),
                Arguments.of("x \"$(date +%s)\"", "$(date +%s)", true),
                Arguments.of("x `date`", "`date`", false),
                Arguments.of("x $'a\\tb\\x41\\'c'", "a\tbA'c", true),
                Arguments.of("x $\"hello\"", "hello", true),
                Arguments.of("x \"\"", "", true),
                Arguments.of("x abc\\\ndef", "abcdef", false),      // line continuation inside a word
                Arguments.of("x \\\n  y", "y", false),              // and between words
                Arguments.of("x \"abc", "abc", true),               // unterminated: rest of the text
                Arguments.of("x 'abc def", "abc def", true),
                Arguments.of("x $(echo a", "$(echo a", false),
                Arguments.of("x a\\", "a\\", false),
                Arguments.of("x {}", "{}", false),
                Arguments.of("x \"a\\\nb\"", "ab", true));
    }

    @ParameterizedTest
    @MethodSource
    void words(String script, String text, boolean quoted) {
        ShellCommand c = ShellScript.parse(script).commands().get(0);
        ShellWord last = c.words().get(c.words().size() - 1);
        assertThat(last.text()).isEqualTo(text);
        assertThat(last.quoted()).isEqualTo(quoted);
        assertThat(script.substring(last.offset())).startsWith(last.raw());
    }

    static Stream<Arguments> redirects() {
        return Stream.of(
                // script, expected operator/target pairs
                Arguments.of("cmd > out", List.of(">", "out")),
                Arguments.of("cmd >> out", List.of(">>", "out")),
                Arguments.of("cmd < in", List.of("<", "in")),
                Arguments.of("cmd 2> err", List.of("2>", "err")),
                Arguments.of("cmd 2>/dev/null", List.of("2>", "/dev/null")),
                Arguments.of("cmd >/dev/null 2>&1", List.of(">", "/dev/null", "2>&", "1")),
                Arguments.of("cmd &> all", List.of("&>", "all")),
                Arguments.of("cmd &>> all", List.of("&>>", "all")),
                Arguments.of("cmd >| f", List.of(">|", "f")),
                Arguments.of("cmd 3<> f", List.of("3<>", "f")),
                Arguments.of("cmd <<< \"a b\"", List.of("<<<", "a b")),
                Arguments.of("cat <<EOF\nbody\nEOF", List.of("<<", "EOF")),
                Arguments.of("cat <<-\"EOF\"\n\tbody\n\tEOF", List.of("<<-", "EOF")),
                Arguments.of("cmd 2 > f", List.of(">", "f")),       // "2 >": 2 is an argument
                Arguments.of("cmd >", List.of(">", "")));
    }

    @ParameterizedTest
    @MethodSource
    void redirects(String script, List<String> expected) {
        ShellCommand c = ShellScript.parse(script).commands().get(0);
        assertThat(c.redirects().stream().flatMap(r -> Stream.of(r.operator(), r.target().text())).toList())
                .isEqualTo(expected);
    }
}
