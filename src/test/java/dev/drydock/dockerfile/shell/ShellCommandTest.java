package dev.drydock.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Names, flags, option values and operands of one command. */
class ShellCommandTest {

    private static ShellCommand command(String script) {
        return ShellScript.parse(script).commands().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /usr/bin/apt-get install x | apt-get
            apt-get                    | apt-get
            "apt-get" install          | apt-get
            ./configure --prefix=/x    | configure
            A=1                        | ''
            A=1 /bin/sh -c x           | sh
            """)
    void name(String script, String name) {
        assertThat(command(script).name()).isEqualTo(name);
        assertThat(command(script).is("nope", name)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            apt-get install -y curl              | -y           | true
            apt-get -qy install curl             | -y           | true
            apt-get install --yes curl           | --yes        | true
            apt-get install --yes curl           | -y           | false
            apt-get install --assume-yes=true x  | --assume-yes | true
            apt-get install --assume-yes-ish x   | --assume-yes | false
            apt-get install -- -y                | -y           | false
            pip install --no-cache-dir x         | -n           | false
            pip install --no-cache-dir x         | --no-cache   | false
            find . -exec rm {} ;                 | -exec        | true
            find . -executable                   | -exec        | false
            curl -fsSL x                         | -L           | true
            curl -fsSL x                         | -o           | false
            echo -y                              | -y,--yes     | true
            rm -                                 | -r           | false
            """)
    void hasFlag(String script, String flags, boolean expected) {
        assertThat(command(script).hasFlag(flags.split(","))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            curl -o out x                 | -o,--output | out
            curl -oout x                  | -o,--output | out
            curl --output out x           | -o,--output | out
            curl --output=out x           | -o,--output | out
            curl -fsSLo out x             | -o          | out
            curl -fsSLo/tmp/x https://x   | -o          | /tmp/x
            wget -qO- https://x           | -O          | -
            wget -qO - https://x          | -O          | -
            tar -xzf a.tgz -C /opt        | -f          | a.tgz
            tar -xzf a.tgz -C /opt        | -C          | /opt
            curl x                        | -o          | NONE
            curl -- -o x                  | -o          | NONE
            curl -o                       | -o          | NONE
            useradd -u 1000 -g 1000 app   | -g          | 1000
            pip install --index-url=u x   | --index-url | u
            """)
    void flagValue(String script, String flags, String expected) {
        assertThat(command(script).flagValue(flags.split(","))).isEqualTo(Optional.ofNullable(expected));
    }

    static Stream<Arguments> operands() {
        return Stream.of(
                Arguments.of("apt-get -y install curl wget", Set.of(), List.of("install", "curl", "wget")),
                Arguments.of("curl -o out https://x", Set.of("-o"), List.of("https://x")),
                Arguments.of("curl -o out https://x", Set.of(), List.of("out", "https://x")),
                Arguments.of("curl --output out https://x", Set.of("-o", "--output"), List.of("https://x")),
                Arguments.of("curl --output=out https://x", Set.of("--output"), List.of("https://x")),
                Arguments.of("curl -oout https://x", Set.of("-o"), List.of("https://x")),
                Arguments.of("rm -rf -- -weird x", Set.of(), List.of("-weird", "x")),
                Arguments.of("cat - file", Set.of(), List.of("-", "file")),
                Arguments.of("tar -xzf a.tgz -C /opt", Set.of("-f", "-C"), List.of()),
                Arguments.of("apt-get -o Dpkg::Options::=--force-confold install x", Set.of("-o"),
                        List.of("install", "x")),
                Arguments.of("echo", Set.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource
    void operands(String script, Set<String> flagsWithValue, List<String> expected) {
        assertThat(command(script).operands(flagsWithValue)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            apt-get -y install curl      | install
            apt-get update               | update
            apt-get -y                   | NONE
            """)
    void subcommand(String script, String expected) {
        assertThat(command(script).subcommand()).isEqualTo(Optional.ofNullable(expected));
    }

    @org.junit.jupiter.api.Test
    void text_andArgs() {
        ShellCommand c = command("A=1 apt-get  install  -y 'a b'");
        assertThat(c.text()).isEqualTo("apt-get install -y a b");
        assertThat(c.args()).containsExactly("install", "-y", "a b");
        assertThat(command("A=1").text()).isEmpty();
        assertThat(command("A=1").args()).isEmpty();
    }
}
