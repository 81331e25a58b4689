package dev.drydock.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which commands a script runs. Rows are RUN lines from official images (docker-library) and near misses; each
 * expected command is written as its words joined by spaces, or its assignments for an assignment-only command.
 */
class ShellScriptTest {

    static String describe(ShellCommand c) {
        if (c.words().isEmpty()) {
            return c.assignments().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + " " + b).orElse("");
        }
        return c.text();
    }

    static List<String> described(String script) {
        return ShellScript.parse(script).commands().stream().map(ShellScriptTest::describe).toList();
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                // docker-library debian style
                row("set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl;"
                        + " rm -rf /var/lib/apt/lists/*",
                        "set -eux", "apt-get update", "apt-get install -y --no-install-recommends ca-certificates curl",
                        "rm -rf /var/lib/apt/lists/*"),
                row("apt-get update && apt-get install -y curl || exit 1",
                        "apt-get update", "apt-get install -y curl", "exit 1"),
                row("apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git",
                        "apt-get update", "apt-get install -y curl git"),
                row("curl -fsSL https://x | sh", "curl -fsSL https://x", "sh"),
                row("wget -O- x | bash -s --", "wget -O- x", "bash -s --"),
                row("if [ -f x ]; then echo yes; elif true; then :; else rm x; fi",
                        "[ -f x ]", "echo yes", "true", ":", "rm x"),
                row("for f in a b; do echo $f; done", "echo $f"),
                row("for f in $(ls /etc); do cat \"$f\"; done", "ls /etc", "cat $f"),
                row("for ((i=0;i<3;i++)); do echo $i; done", "echo $i"),
                row("while read -r line; do echo \"$line\"; done < file.txt", "read -r line", "echo $line"),
                row("until false; do sleep 1; done", "false", "sleep 1"),
                row("case \"$arch\" in amd64) ARCH=x64;; arm64|aarch64) ARCH=arm64 ;; *) echo bad; exit 1 ;; esac;"
                        + " echo $ARCH", "ARCH=x64", "ARCH=arm64", "echo bad", "exit 1", "echo $ARCH"),
                row("case \"$(uname -m)\" in\n  x86_64) ;;\n  (*) uname -a;;\nesac", "uname -m", "uname -a"),
                row("f() { apt-get update; }; f", "apt-get update", "f"),
                row("function g { rm -f x; }", "rm -f x"),
                row("(cd /src && make)", "cd /src", "make"),
                row("{ echo a; echo b; } > out", "echo a", "echo b"),
                row("[[ -f x && -d y ]] && echo ok", "echo ok"),
                row("(( i++ )); echo x", "echo x"),
                row("! grep -q x file", "grep -q x file"),
                // substitutions
                row("echo \"$(date)\"", "echo $(date)", "date"),
                row("echo `uname -m`", "echo `uname -m`", "uname -m"),
                row("x=$(curl -s https://x | grep v)", "x=$(curl -s https://x | grep v)", "curl -s https://x",
                        "grep v"),
                row("echo \"$(echo \"$(id -u)\")\"", "echo $(echo \"$(id -u)\")", "echo $(id -u)", "id -u"),
                row("diff <(sort a) <(sort b)", "diff <(sort a) <(sort b)", "sort a", "sort b"),
                row("echo $((1 + 2))", "echo $((1 + 2))"),
                // sh -c
                row("sh -c 'apt-get update && apt-get install -y curl'",
                        "sh -c apt-get update && apt-get install -y curl", "apt-get update",
                        "apt-get install -y curl"),
                row("bash -euxo pipefail -c \"curl x | tar -xz\"", "bash -euxo pipefail -c curl x | tar -xz",
                        "curl x", "tar -xz"),
                row("sudo sh -c 'echo 1 > /proc/x'", "sudo sh -c echo 1 > /proc/x", "sh -c echo 1 > /proc/x",
                        "echo 1"),
                row("su app -c 'npm ci'", "su app -c npm ci", "npm ci"),
                // heredocs are data, not commands
                row("cat <<EOF > /etc/apt/sources.list\ndeb http://x stable main\nEOF\napt-get update",
                        "cat", "apt-get update"),
                row("cat <<-'EOF'\n\tapt-get no\n\tEOF\necho done", "cat", "echo done"),
                row("cat <<A <<B\na\nA\nb\nB\nls", "cat", "ls"),
                // ... unless a shell runs them (RUN <<EOF gives the parser "<<EOF\nbody", no terminator)
                row("<<EOF\napt-get update\napt-get install -y curl\n", "", "apt-get update",
                        "apt-get install -y curl"),
                row("bash <<'EOF'\nset -e\npip install x\nEOF", "bash", "set -e", "pip install x"),
                row("python3 <<EOF\nimport os\nEOF", "python3"),
                // assignments
                row("NODE_TLS_REJECT_UNAUTHORIZED=0 npm install", "npm install"),
                row("A=1 B=\"x y\"", "A=1 B=x y"),
                row("export A=1 B=2", "export A=1 B=2"),
                row("a=(1 2 3); echo ok", "a=(1 2 3)", "echo ok"),
                // comments
                row("echo a # apt-get install x\n# rm -rf /\necho b", "echo a", "echo b"),
                row("echo a#b", "echo a#b"),
                // near misses: words that look like commands but are arguments or data
                row("echo install apt-get", "echo install apt-get"),
                row("echo \"apt-get install foo\"", "echo apt-get install foo"),
                row("echo 'if then fi'; printf '%s\\n' done", "echo if then fi", "printf %s\\n done"),
                row("awk '{ print $(NF-1) }' f", "awk { print $(NF-1) } f"),
                row("command -v curl", "command -v curl"),
                row("apt-get install -y curl=7.* \\\n  && echo fi", "apt-get install -y curl=7.*", "echo fi"));
    }

    private static Arguments row(String script, String... expected) {
        return Arguments.of(script, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource
    void commands(String script, List<String> expected) {
        assertThat(described(script)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(
                // script, wrapper name, wrapped command
                Arguments.of("sudo -u app npm install", "sudo", "npm install"),
                Arguments.of("sudo -E -H -u root apt-get update", "sudo", "apt-get update"),
                Arguments.of("sudo -Eu root apt-get update", "sudo", "apt-get update"),
                Arguments.of("sudo --user=app -- pip install x", "sudo", "pip install x"),
                Arguments.of("env -i PATH=/bin FOO=1 pip install x", "env", "pip install x"),
                Arguments.of("env - X=1 ls", "env", "ls"),
                Arguments.of("nohup node server.js &", "nohup", "node server.js"),
                Arguments.of("time make -j4", "time", "make -j4"),
                Arguments.of("exec nginx -g 'daemon off;'", "exec", "nginx -g daemon off;"),
                Arguments.of("command curl -fsS x", "command", "curl -fsS x"),
                Arguments.of("xargs -r apt-mark manual", "xargs", "apt-mark manual"),
                Arguments.of("xargs -0 -n 1 -I {} rm {}", "xargs", "rm {}"),
                Arguments.of("nice -n 10 make", "nice", "make"),
                Arguments.of("nice -10 make", "nice", "make"),
                Arguments.of("timeout 10s curl x", "timeout", "curl x"),
                Arguments.of("timeout -s KILL --preserve-status 10 curl x", "timeout", "curl x"),
                Arguments.of("gosu app npm start", "gosu", "npm start"),
                Arguments.of("su-exec app:app node x", "su-exec", "node x"),
                Arguments.of("runuser -u app -- curl -k https://x", "runuser", "curl -k https://x"),
                Arguments.of("runuser -l -u app make install", "runuser", "make install"),
                Arguments.of("chroot /mnt apt-get update", "chroot", "apt-get update"),
                Arguments.of("stdbuf -oL tail -f x", "stdbuf", "tail -f x"),
                Arguments.of("ionice -c 3 make", "ionice", "make"),
                Arguments.of("busybox wget -qO- x", "busybox", "wget -qO- x"),
                Arguments.of("find / -perm /6000 -type f -exec chmod a-s {} \\; || true", "find", "chmod a-s {}"),
                Arguments.of("find . -name '*.pyc' -execdir rm -f {} +", "find", "rm -f {}"));
    }

    @ParameterizedTest
    @MethodSource
    void wrappers(String script, String wrapper, String wrapped) {
        ShellScript s = ShellScript.parse(script);
        ShellCommand outer = s.commands().get(0);
        assertThat(outer.name()).isEqualTo(wrapper);
        assertThat(outer.wrapper()).isNull();
        ShellCommand inner = s.wrappedBy(outer).orElseThrow();
        assertThat(inner.text()).isEqualTo(wrapped);
        assertThat(inner.wrapper()).isSameAs(outer);
        assertThat(s.unwrap(outer)).isSameAs(inner);
    }

    @Test
    void wrappersNest_andCarryAssignmentsAndRedirects() {
        ShellScript s = ShellScript.parse("sudo -E env PIP_INDEX=x nohup pip install y > log");
        assertThat(s.commands()).extracting(ShellCommand::name).containsExactly("sudo", "env", "nohup", "pip");
        ShellCommand pip = s.commands("pip").get(0);
        assertThat(pip.wrapper().name()).isEqualTo("nohup");
        assertThat(pip.wrapper().assignments()).containsEntry("PIP_INDEX", "x");
        assertThat(pip.assignments()).containsEntry("PIP_INDEX", "x"); // inherited through nohup
        assertThat(pip.redirects()).extracting(Redirect::operator).containsExactly(">");
        assertThat(s.unwrap(s.commands().get(0))).isSameAs(pip);
    }

    @Test
    void commandMinusV_andXargsWithoutCommand_wrapNothing() {
        assertThat(described("command -v curl; xargs -r; timeout 5; chroot /mnt"))
                .containsExactly("command -v curl", "xargs -r", "timeout 5", "chroot /mnt");
    }

    @Test
    void assignments() {
        ShellCommand c = ShellScript.parse("A=1 B=\"x y\" C='$z' D= cmd arg").commands().get(0);
        assertThat(c.assignments()).containsExactly(
                java.util.Map.entry("A", "1"), java.util.Map.entry("B", "x y"), java.util.Map.entry("C", "$z"),
                java.util.Map.entry("D", ""));
        assertThat(c.name()).isEqualTo("cmd");
        assertThat(c.args()).containsExactly("arg");

        ShellCommand only = ShellScript.parse("NODE_TLS_REJECT_UNAUTHORIZED=0").commands().get(0);
        assertThat(only.name()).isEmpty();
        assertThat(only.words()).isEmpty();
        assertThat(only.assignments()).containsEntry("NODE_TLS_REJECT_UNAUTHORIZED", "0");

        // after the command name, NAME=value is an argument
        ShellCommand export = ShellScript.parse("export PATH=/x:$PATH").commands().get(0);
        assertThat(export.assignments()).isEmpty();
        assertThat(export.args()).containsExactly("PATH=/x:$PATH");
        // a quoted name is not an assignment
        assertThat(ShellScript.parse("'A'=1").commands().get(0).name()).isEqualTo("A=1");
    }

    @Test
    void pipelines_areTopLevel_withOperators() {
        ShellScript s = ShellScript.parse("a | b && c; d & e\n! f |& g || h");
        assertThat(s.pipelines()).extracting(p -> p.commands().stream().map(ShellCommand::name).toList())
                .containsExactly(List.of("a", "b"), List.of("c"), List.of("d"), List.of("e"), List.of("f", "g"),
                        List.of("h"));
        assertThat(s.pipelines()).extracting(Pipeline::operator).containsExactly("&&", ";", "&", ";", "||", "");
        assertThat(s.pipelines()).extracting(Pipeline::negated)
                .containsExactly(false, false, false, false, true, false);
        assertThat(s.hasPipe()).isTrue();
    }

    @Test
    void compoundCommands_standInPipelinesAsPlaceholders() {
        ShellScript s = ShellScript.parse("(cd /src && make) | tee log; if a; then b | c; fi");
        assertThat(s.pipelines()).hasSize(2);
        ShellCommand sub = s.pipelines().get(0).commands().get(0);
        assertThat(sub.isCompound()).isTrue();
        assertThat(sub.name()).isEqualTo("(");
        assertThat(s.pipelines().get(0).commands().get(1).name()).isEqualTo("tee");
        assertThat(s.pipelines().get(1).commands()).extracting(ShellCommand::name).containsExactly("if");
        assertThat(s.commands()).noneMatch(ShellCommand::isCompound);
        assertThat(s.commands()).extracting(ShellCommand::name).containsExactly("cd", "make", "tee", "a", "b", "c");
    }

    @Test
    void reservedWords_areNeverCommands() {
        String script = "if true; then for x in 1; do while false; do :; done; done; elif a; then b; else { c; }; fi;"
                + " case x in y) until d; do e; done;; esac; select s in 1; do break; done; function f { g; }";
        assertThat(described(script).stream().map(d -> d.split(" ")[0]))
                .doesNotContain("if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until",
                        "case", "esac", "select", "function", "{", "}")
                .containsExactly("true", "false", ":", "a", "b", "c", "d", "e", "break", "g");
    }

    @Test
    void pythonImageScript() {
        // docker-library/python 3.12 bookworm-slim Dockerfile (abridged), as the RUN instruction's text
        String script = """
                set -eux; \\
                \tsavedAptMark="$(apt-mark showmanual)"; \\
                \tapt-get update; \\
                \tapt-get install -y --no-install-recommends dpkg-dev gcc libssl-dev; \\
                \twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \\
                \tmkdir -p /usr/src/python; \\
                \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \\
                \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \\
                \tmake -j "$(nproc)" \\
                \t\t"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}" \\
                \t; \\
                \tapt-mark auto '.*' > /dev/null; \\
                \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\
                \tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \\
                \t\t| awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \\
                \t\t| sort -u \\
                \t\t| xargs -r dpkg-query --search \\
                \t\t| cut -d: -f1 \\
                \t\t| sort -u \\
                \t\t| xargs -r apt-mark manual \\
                \t; \\
                \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
                \trm -rf /var/lib/apt/lists/*; \\
                \tpython3 --version
                """;
        ShellScript s = ShellScript.parse(script);
        assertThat(s.commands()).extracting(ShellCommand::name).containsExactly(
                "set", "", "apt-mark", "apt-get", "apt-get", "wget", "mkdir", "tar", "", "dpkg-architecture",
                "make", "nproc", "apt-mark", "[", "apt-mark", "find", "ldd", "awk", "sort", "xargs", "dpkg-query",
                "cut", "sort", "xargs", "apt-mark", "apt-get", "rm", "python3");
        assertThat(s.commands().get(1).assignments()).containsEntry("savedAptMark", "$(apt-mark showmanual)");
        assertThat(s.commands("apt-get").get(1).hasFlag("-y")).isTrue();
        assertThat(s.commands("wget").get(0).flagValue("-O")).contains("python.tar.xz");
        assertThat(s.commands("tar").get(0).flagValue("--file")).contains("python.tar.xz");
        assertThat(s.pipelines().get(12).commands()).hasSize(7);
        assertThat(s.commands("make").get(0).args()).containsExactly("-j", "$(nproc)", "EXTRA_CFLAGS=${EXTRA_CFLAGS:-}");
    }

    @Test
    void offsets_pointIntoTheScript() {
        String script = "echo a; sudo ls -l; sh -c 'id -u'; x=\"$(date)\"";
        ShellScript s = ShellScript.parse(script);
        for (ShellCommand c : s.commands()) {
            if (!c.words().isEmpty()) {
                assertThat(script.substring(c.offset())).startsWith(c.words().get(0).raw());
            }
        }
        assertThat(s.commands()).extracting(ShellCommand::offset).isSorted();
        assertThat(s.commands("id").get(0).offset()).isEqualTo(script.indexOf("id -u"));
        assertThat(s.commands("date").get(0).offset()).isEqualTo(script.indexOf("date"));
    }

    /** The command whose child shell runs {@code name}, described; "" when the script's own shell runs it. */
    private static String childShellOf(ShellScript s, String name) {
        ShellCommand starter = s.commands(name).get(0).childShellOf();
        return starter == null ? "" : starter.name();
    }

    @Test
    void scriptsHandedToAnotherShellRunInAChildShell() {
        // nginx alpine-slim: the fallback build runs as nobody in a shell of its own
        ShellScript nginx = ShellScript.parse("set -x && su nobody -s /bin/sh -c \"cd /tmp && curl -f -O https://x\" "
                + "&& wget -O /tmp/key.pub https://nginx.org/keys/nginx_signing.rsa.pub");
        assertThat(childShellOf(nginx, "cd")).isEqualTo("su");
        assertThat(childShellOf(nginx, "curl")).isEqualTo("su");
        assertThat(childShellOf(nginx, "wget")).isEmpty();
        assertThat(childShellOf(nginx, "su")).isEmpty();
        assertThat(childShellOf(ShellScript.parse("sh -c 'cd /tmp && make'"), "cd")).isEqualTo("sh");
        assertThat(childShellOf(ShellScript.parse("bash -euxo pipefail -c \"cd /src\""), "cd")).isEqualTo("bash");
        assertThat(childShellOf(ShellScript.parse("runuser app -c 'cd ~ && npm ci'"), "cd")).isEqualTo("runuser");
        assertThat(childShellOf(ShellScript.parse("sudo -u app sh -c 'cd /app'"), "cd")).isEqualTo("sh");
        assertThat(childShellOf(ShellScript.parse("bash <<EOF\ncd /src\nEOF\n"), "cd")).isEqualTo("bash");
        // a wrapped command runs in the shell its wrapper runs in
        assertThat(childShellOf(ShellScript.parse("sh -c 'sudo make install'"), "make")).isEqualTo("sh");
        // nested twice: the innermost shell's starter
        assertThat(childShellOf(ShellScript.parse("su app -c \"sh -c 'cd /x'\""), "cd")).isEqualTo("sh");
        // compound commands, subshells and substitutions are written in this script: its own shell runs them
        assertThat(childShellOf(ShellScript.parse("(cd /tmp && make)"), "cd")).isEmpty();
        assertThat(childShellOf(ShellScript.parse("if true; then cd /x; fi"), "cd")).isEmpty();
        assertThat(childShellOf(ShellScript.parse("x=\"$(cd /x && pwd)\""), "cd")).isEmpty();
        assertThat(childShellOf(ShellScript.parse("sudo cd /x"), "cd")).isEmpty();
    }

    @Test
    void execFormShellIsTheInstructionsOwnShell() {
        // RUN ["/bin/sh", "-c", "cd /app && npm ci"]: the shell is the RUN's process, as in the shell form
        assertThat(childShellOf(ShellScript.parseExecForm("/bin/sh -c 'cd /app && npm ci'"), "cd")).isEmpty();
        assertThat(childShellOf(ShellScript.parseExecForm("sudo sh -c 'cd /app'"), "cd")).isEmpty();
        // …but a shell that script starts in turn is a child
        assertThat(childShellOf(ShellScript.parseExecForm("/bin/sh -c \"su app -c 'cd /app'\""), "cd"))
                .isEqualTo("su");
        assertThat(childShellOf(ShellScript.parse("/bin/sh -c 'cd /app && npm ci'"), "cd")).isEqualTo("sh");
    }
}
