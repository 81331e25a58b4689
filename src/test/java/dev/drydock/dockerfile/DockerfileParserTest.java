package dev.drydock.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileParserTest {

    static Dockerfile parse(String src) throws DockerfileSyntaxException {
        return DockerfileParser.parse("Dockerfile", src);
    }

    static Instruction only(String src, String keyword) throws DockerfileSyntaxException {
        return parse(src).all(keyword).get(0);
    }

    static DockerfileSyntaxException error(String src) {
        try {
            parse(src);
        } catch (DockerfileSyntaxException e) {
            return e;
        }
        throw new AssertionError("expected a syntax error for:\n" + src);
    }

    @Test
    void instructionsHaveKeywordArgsAndPositions() throws Exception {
        Dockerfile df = parse("FROM debian:12\n\n  run apt-get update\nCOPY --chown=app:app src/ /app/\n");
        assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "COPY");
        Instruction run = df.instructions().get(1);
        assertThat(run.start()).isEqualTo(new Position(3, 3, 18));
        assertThat(run.text()).isEqualTo("apt-get update");
        assertThat(run.textStart().column()).isEqualTo(7);
        Instruction copy = df.instructions().get(2);
        assertThat(copy.flags()).containsExactly(new Flag("chown", "app:app", new Position(4, 6, 42)));
        assertThat(copy.argTexts()).containsExactly("src/", "/app/");
        assertThat(copy.args().get(1).position().column()).isEqualTo(27);
        assertThat(df.source().substring(copy.args().get(1).position().offset())).startsWith("/app/");
    }

    @Test
    void directivesAtTheTop() throws Exception {
        Dockerfile df = parse("# syntax=docker/dockerfile:1.7\n#check = skip=DL3008,DL3009\n# escape=`\nFROM x\n");
        assertThat(df.directives()).extracting(Directive::name, Directive::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("syntax", "docker/dockerfile:1.7"),
                org.assertj.core.groups.Tuple.tuple("check", "skip=DL3008,DL3009"),
                org.assertj.core.groups.Tuple.tuple("escape", "`"));
        assertThat(df.escape()).isEqualTo('`');
        assertThat(df.comments()).isEmpty();
    }

    @Test
    void duplicateDirectiveIsAnError() {
        assertThat(error("# escape=`\n# escape=\\\nFROM x\n").getMessage()).contains("only one escape parser directive");
    }

    @Test
    void directiveAfterACommentIsAComment() throws Exception {
        Dockerfile df = parse("# hello\n# escape=`\nFROM x\nRUN a \\\n b\n");
        assertThat(df.escape()).isEqualTo('\\');
        assertThat(df.directives()).isEmpty();
        assertThat(df.comments()).extracting(Comment::text).containsExactly("hello", "escape=`");
        assertThat(df.all("RUN").get(0).text()).isEqualTo("a  b");
    }

    @Test
    void blankLineEndsTheDirectiveBlock() throws Exception {
        assertThat(parse("\n# escape=`\nFROM x\n").escape()).isEqualTo('\\');
    }

    @Test
    void invalidEscapeDirective() {
        DockerfileSyntaxException e = error("# escape=x\nFROM x\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("invalid escape token");
    }

    @Test
    void backtickEscapeForWindows() throws Exception {
        Dockerfile df = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "RUN Write-Host a; `\n    Write-Host b\nCOPY C:\\src\\app.exe C:\\app\\\n");
        assertThat(df.escape()).isEqualTo('`');
        assertThat(df.all("RUN").get(0).text()).isEqualTo("Write-Host a;     Write-Host b");
        assertThat(df.all("COPY").get(0).argTexts()).containsExactly("C:\\src\\app.exe", "C:\\app\\");
    }

    @Test
    void continuationsSkipCommentsAndBlankLines() throws Exception {
        Dockerfile df = parse("FROM x\nRUN apt-get update \\\n# a comment inside\n\n    && apt-get install -y curl \\   \n  && rm -rf /var/lib/apt/lists/*\nUSER app\n");
        Instruction run = df.all("RUN").get(0);
        assertThat(run.text()).isEqualTo("apt-get update     && apt-get install -y curl   && rm -rf /var/lib/apt/lists/*");
        assertThat(run.end().line()).isEqualTo(6);
        assertThat(run.source()).startsWith("RUN apt-get update \\\n# a comment").endsWith("lists/*");
        assertThat(df.comments()).extracting(Comment::text).containsExactly("a comment inside");
        assertThat(df.all("USER").get(0).line()).isEqualTo(7);
        // positions inside the joined text map back to the source
        int at = run.text().indexOf("curl");
        assertThat(run.args().stream().filter(w -> w.text().equals("curl")).findFirst().orElseThrow().position())
                .isEqualTo(new Position(5, 27, df.source().indexOf("curl")));
        assertThat(at).isPositive();
    }

    @Test
    void continuationAtEndOfFile() throws Exception {
        assertThat(parse("FROM x\nRUN echo \\").all("RUN").get(0).text()).isEqualTo("echo");
    }

    @Test
    void crlfAndBom() throws Exception {
        Dockerfile df = parse("\uFEFFFROM x\r\nRUN a \\\r\n  b\r\nUSER app\r\n");
        assertThat(df.all("RUN").get(0).text()).isEqualTo("a   b");
        assertThat(df.all("USER").get(0).argTexts()).containsExactly("app");
        assertThat(df.all("USER").get(0).line()).isEqualTo(4);
    }

    @Test
    void heredocs() throws Exception {
        String src = "FROM x\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n";
        Dockerfile df = parse(src);
        Instruction run = df.all("RUN").get(0);
        assertThat(run.heredocs()).hasSize(1);
        Heredoc h = run.heredocs().get(0);
        assertThat(h.delimiter()).isEqualTo("EOF");
        assertThat(h.quoted()).isFalse();
        assertThat(h.body()).isEqualTo("apt-get update\napt-get install -y curl\n");
        assertThat(h.position()).isEqualTo(new Position(2, 5, 11));
        assertThat(h.bodyStart().line()).isEqualTo(3);
        assertThat(run.end().line()).isEqualTo(5);
        assertThat(run.script()).contains("apt-get install -y curl");
        assertThat(df.all("USER").get(0).line()).isEqualTo(6);
    }

    @Test
    void severalQuotedAndTabStrippedHeredocs() throws Exception {
        String src = "FROM x\nCOPY <<-\"A\" <<'B' /dest/\n\tone\n\tA\ntwo $HOME\nB\nRUN python3 <<PY > /out\nprint(1)\nPY\n";
        Dockerfile df = parse(src);
        Instruction copy = df.all("COPY").get(0);
        assertThat(copy.heredocs()).extracting(Heredoc::delimiter).containsExactly("A", "B");
        assertThat(copy.heredocs().get(0).stripTabs()).isTrue();
        assertThat(copy.heredocs().get(0).quoted()).isTrue();
        assertThat(copy.heredocs().get(0).body()).isEqualTo("one\n");
        assertThat(copy.heredocs().get(1).body()).isEqualTo("two $HOME\n");
        Instruction run = df.all("RUN").get(0);
        assertThat(run.heredocs().get(0).body()).isEqualTo("print(1)\n");
        assertThat(run.line()).isEqualTo(7);
    }

    @Test
    void heredocScripts() throws Exception {
        Dockerfile df = parse("FROM x\nRUN <<EOF\ncurl -fsSL https://x | tar xz\nEOF\n"
                + "RUN <<'PY'\n#!/usr/bin/env python3\nprint(1)\nPY\n"
                + "RUN <<EOF\n#!/bin/bash\nset -e\nEOF\n"
                + "RUN cat <<EOF > /etc/app.conf && chmod 600 /etc/app.conf\nkey=value\nEOF\n");
        List<Instruction> runs = df.all("RUN");
        assertThat(runs.get(0).script()).isEqualTo("curl -fsSL https://x | tar xz\n");
        assertThat(dev.drydock.dockerfile.shell.ShellScript.parse(runs.get(0).script()).hasPipe()).isTrue();
        assertThat(runs.get(1).script()).as("a python body is not a shell script").isEmpty();
        assertThat(runs.get(2).script()).startsWith("#!/bin/bash");
        assertThat(runs.get(3).script()).isEqualTo("cat <<EOF > /etc/app.conf && chmod 600 /etc/app.conf\nkey=value\nEOF\n");
        assertThat(dev.drydock.dockerfile.shell.ShellScript.parse(runs.get(3).script()).commands())
                .extracting(c -> c.name()).contains("cat", "chmod");
    }

    @Test
    void notHeredocs() throws Exception {
        Dockerfile df = parse("FROM x\nRUN echo \"<<EOF\" && cat <<<word && echo ok\nUSER app\n");
        assertThat(df.all("RUN").get(0).heredocs()).isEmpty();
        assertThat(df.all("USER")).hasSize(1);
    }

    @Test
    void unterminatedHeredocNamesItsStart() {
        DockerfileSyntaxException e = error("FROM x\nRUN apt-get update\nRUN <<EOF\necho hi\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("Dockerfile:3:5: unterminated heredoc <<EOF");
    }

    @Test
    void execAndShellForm() throws Exception {
        Dockerfile df = parse("FROM x\nCMD [\"node\", \"server.js\", \"a\\\"b\\u0041\"]\nENTRYPOINT [ \"sh\" , \"-c\" ]\n"
                + "RUN [ -f /etc/x ] && echo yes\nRUN [\"bad json\",]\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
        Instruction cmd = df.all("CMD").get(0);
        assertThat(cmd.execForm()).isTrue();
        assertThat(cmd.argTexts()).containsExactly("node", "server.js", "a\"bA");
        assertThat(cmd.args().get(1).position().column()).isEqualTo(14);
        assertThat(cmd.args().get(1).raw()).isEqualTo("\"server.js\"");
        assertThat(df.all("ENTRYPOINT").get(0).argTexts()).containsExactly("sh", "-c");
        assertThat(df.all("RUN").get(0).execForm()).isFalse();
        assertThat(df.all("RUN").get(1).execForm()).as("invalid JSON falls back to shell form").isFalse();
        assertThat(df.all("SHELL").get(0).argTexts()).containsExactly("/bin/bash", "-o", "pipefail", "-c");
    }

    @Test
    void shellNeedsJson() {
        DockerfileSyntaxException e = error("FROM x\nSHELL /bin/bash -c\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("SHELL requires the arguments to be in JSON form");
    }

    @Test
    void flags() throws Exception {
        Dockerfile df = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=secret,id=npmrc,target=/root/.npmrc "
                + "--network=none --security=insecure go build ./...\n"
                + "COPY --from=build --chmod=0755 --link --parents --exclude=*.md /out/app /usr/local/bin/\n"
                + "ADD --checksum=sha256:abc --keep-git-dir=true https://example.com/a.tgz /a.tgz\n"
                + "HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/ || exit 1\n");
        Stage s = df.stages().get(0);
        assertThat(s.platform()).isEqualTo("$BUILDPLATFORM");
        assertThat(s.name()).isEqualTo("build");
        Instruction run = df.all("RUN").get(0);
        assertThat(run.flags("mount")).hasSize(2);
        assertThat(run.flags("mount").get(0).mountType()).isEqualTo("cache");
        assertThat(run.flags("mount").get(1).options()).containsEntry("id", "npmrc").containsEntry("target", "/root/.npmrc");
        assertThat(run.flag("network").orElseThrow().value()).isEqualTo("none");
        assertThat(run.text()).isEqualTo("go build ./...");
        Instruction copy = df.all("COPY").get(0);
        assertThat(copy.flag("link").orElseThrow().value()).isNull();
        assertThat(copy.flag("from").orElseThrow().value()).isEqualTo("build");
        assertThat(copy.argTexts()).containsExactly("/out/app", "/usr/local/bin/");
        Instruction hc = df.all("HEALTHCHECK").get(0);
        assertThat(hc.flags()).extracting(Flag::name).containsExactly("interval", "timeout", "start-period", "start-interval", "retries");
        assertThat(hc.args().get(0).text()).isEqualTo("CMD");
        assertThat(hc.text()).isEqualTo("curl -f http://localhost/ || exit 1");
        assertThat(hc.script()).isEqualTo("curl -f http://localhost/ || exit 1");
    }

    @Test
    void healthcheckExecAndNone() throws Exception {
        Dockerfile df = parse("FROM x\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\nFROM y\nHEALTHCHECK NONE\n");
        Instruction hc = df.all("HEALTHCHECK").get(0);
        assertThat(hc.execForm()).isTrue();
        assertThat(hc.argTexts()).containsExactly("CMD", "curl", "-f", "http://localhost/");
        assertThat(hc.script()).isEqualTo("curl -f http://localhost/");
        assertThat(df.all("HEALTHCHECK").get(1).argTexts()).containsExactly("NONE");
        assertThat(error("FROM x\nHEALTHCHECK curl x\n").reason()).contains("CMD or NONE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COPY --foo=bar a b|unknown flag: --foo for COPY",
            "RUN --mount=type=cache,target=/x --chown=1 make|unknown flag: --chown for RUN",
            "USER --x app|unknown flag: --x for USER (it takes no flags)",
    })
    void unknownFlags(String line, String message) {
        DockerfileSyntaxException e = error("FROM x\n" + line + "\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).startsWith(message);
    }

    @Test
    void envLabelArgPairs() throws Exception {
        Dockerfile df = parse("ARG VERSION=1.2 OTHER\nFROM x\nENV PATH=/opt/bin:$PATH LANG=\"C.UTF-8\" MSG='a b' E=\n"
                + "ENV LEGACY some value here\nLABEL \"org.opencontainers.image.title\"=\"My App\" version=\"${VERSION}\"\n"
                + "LABEL maintainer x y\n");
        assertThat(df.globalArgs()).hasSize(1);
        assertThat(df.globalArgs().get(0).pairs()).extracting(KeyValue::key, KeyValue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VERSION", "1.2"), org.assertj.core.groups.Tuple.tuple("OTHER", null));
        Instruction env = df.all("ENV").get(0);
        assertThat(env.pairs()).extracting(KeyValue::key).containsExactly("PATH", "LANG", "MSG", "E");
        assertThat(env.pairs()).extracting(KeyValue::value).containsExactly("/opt/bin:$PATH", "C.UTF-8", "a b", "");
        assertThat(env.pairs().get(1).position().column()).isEqualTo(25);
        assertThat(df.all("ENV").get(1).pairs()).containsExactly(new KeyValue("LEGACY", "some value here", new Position(4, 5, df.source().indexOf("LEGACY"))));
        Instruction label = df.all("LABEL").get(0);
        assertThat(label.pairs()).extracting(KeyValue::key, KeyValue::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("org.opencontainers.image.title", "My App"),
                org.assertj.core.groups.Tuple.tuple("version", "${VERSION}"));
        assertThat(df.all("LABEL").get(1).pairs().get(0).value()).isEqualTo("x y");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ENV A=1 B|can't find = in \"B\"",
            "ENV ONLYNAME|has no value",
            "LABEL =x|LABEL names can not be blank",
            "ENV|ENV requires at least one argument",
            "ARG|ARG requires at least one argument",
            "COPY onlyone|COPY requires at least two arguments",
            "FROM a b|FROM requires either one or three arguments",
            "FROM a AS 1st|invalid name for build stage",
            "RUNN echo|unknown instruction: RUNN (did you mean RUN?)",
            "WORKDIR|WORKDIR requires at least one argument",
    })
    void syntaxErrors(String line, String message) {
        DockerfileSyntaxException e = error("FROM x\n" + line + "\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("Dockerfile:2:").contains(message);
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        assertThat(error("").getMessage()).isEqualTo("Dockerfile:1:1: file with no instructions");
        assertThat(error("# just a comment\n\n   \n").reason()).isEqualTo("file with no instructions");
        assertThat(error("ARG A=1\n").reason()).contains("no FROM");
    }

    @Test
    void duplicateStageNamesParseForDL3024AndReferencesResolveToTheLatest() throws Exception {
        Dockerfile df = parse("FROM a AS build\nFROM b AS BUILD\nFROM build\n");
        assertThat(df.stages()).extracting(Stage::name).containsExactly("build", "build", null);
        assertThat(df.stages().get(2).parentStage()).isEqualTo(1);
    }

    @Test
    void stagesAndReferences() throws Exception {
        Dockerfile df = parse("ARG BASE=golang\nARG TAG=1.22\nFROM ${BASE}:${TAG}-alpine AS Build\nRUN go build\n"
                + "FROM build AS test\nRUN go test\nFROM scratch\nCOPY --from=build /app /app\n");
        assertThat(df.stages()).hasSize(3);
        Stage build = df.stages().get(0);
        assertThat(build.name()).isEqualTo("build");
        assertThat(build.image()).isEqualTo("${BASE}:${TAG}-alpine");
        assertThat(build.imageExpanded()).isEqualTo("golang:1.22-alpine");
        assertThat(build.instructions()).extracting(Instruction::keyword).containsExactly("RUN");
        assertThat(df.stages().get(1).parentStage()).isZero();
        assertThat(df.stages().get(1).buildsOnStage()).isTrue();
        assertThat(df.stages().get(2).isScratch()).isTrue();
        assertThat(df.stages().get(2).parentStage()).isEqualTo(-1);
        assertThat(df.stage("test")).contains(df.stages().get(1));
        assertThat(df.stage("2")).contains(df.stages().get(2));
        assertThat(df.finalStage()).contains(df.stages().get(2));
        assertThat(df.instructions()).extracting(Instruction::stage).containsExactly(-1, -1, 0, 0, 1, 1, 2, 2);
    }

    @Test
    void variableScoping() throws Exception {
        Dockerfile df = parse("ARG VERSION=3.12\nARG REG=docker.io\nFROM ${REG}/python:${VERSION}\n"
                + "RUN echo a\nARG VERSION\nENV APP_HOME=/app PY=${VERSION}\nENV HOME2=$APP_HOME\nWORKDIR $APP_HOME\n"
                + "FROM scratch AS second\nWORKDIR ${APP_HOME:-/default}\n");
        List<Instruction> all = df.instructions();
        Instruction firstRun = all.get(3);
        assertThat(firstRun.variables()).as("global ARGs are not in scope in a stage until declared").isEmpty();
        Instruction env = all.get(5);
        assertThat(env.variables()).containsEntry("VERSION", "3.12");
        Instruction env2 = all.get(6);
        assertThat(env2.variables()).containsEntry("APP_HOME", "/app").containsEntry("PY", "3.12");
        assertThat(all.get(7).expand(all.get(7).argTexts().get(0))).isEqualTo("/app");
        Instruction second = all.get(9);
        assertThat(second.expand(second.argTexts().get(0))).isEqualTo("/default");
    }

    @Test
    void envIsInheritedByStagesBuiltOnAStage() throws Exception {
        Dockerfile df = parse("FROM alpine AS base\nENV APP=/srv\nARG LOCAL=1\nFROM base\nWORKDIR $APP\n");
        Instruction workdir = df.all("WORKDIR").get(0);
        assertThat(workdir.variables()).containsEntry("APP", "/srv").doesNotContainKey("LOCAL");
    }

    @Test
    void envWithinOneInstructionSeesThePreviousValues() throws Exception {
        Dockerfile df = parse("FROM x\nENV A=1\nENV A=2 B=$A\nRUN echo\n");
        assertThat(df.all("RUN").get(0).variables()).containsEntry("A", "2").containsEntry("B", "1");
    }

    @Test
    void onbuild() throws Exception {
        Dockerfile df = parse("FROM node:20\nONBUILD COPY --chown=node package.json ./\nONBUILD RUN npm ci\nONBUILD ONBUILD RUN x\n");
        Instruction ob = df.all("ONBUILD").get(0);
        assertThat(ob.onbuild().keyword()).isEqualTo("COPY");
        assertThat(ob.onbuild().flag("chown").orElseThrow().value()).isEqualTo("node");
        assertThat(ob.onbuild().argTexts()).containsExactly("package.json", "./");
        assertThat(ob.onbuild().start().column()).isEqualTo(9);
        assertThat(df.all("ONBUILD").get(1).onbuild().text()).isEqualTo("npm ci");
        assertThat(df.all("ONBUILD").get(2).onbuild().onbuild().keyword()).isEqualTo("RUN");
        assertThat(error("FROM x\nONBUILD RUNN x\n").reason()).contains("unknown instruction: RUNN");
    }

    @Test
    void instructionsBeforeFromParseWithoutAStage() throws Exception {
        Dockerfile df = parse("RUN echo hi\nFROM alpine\n");
        assertThat(df.instructions().get(0).stage()).isEqualTo(-1);
        assertThat(df.stages()).hasSize(1);
        assertThat(df.stages().get(0).instructions()).isEmpty();
    }

    @Test
    void wordsRemoveQuotesButKeepVariables() throws Exception {
        Instruction copy = only("FROM x\nCOPY \"my file.txt\" 'a b' c\\ d $HOME/x \"/dest dir/\"\n", "COPY");
        assertThat(copy.argTexts()).containsExactly("my file.txt", "a b", "c d", "$HOME/x", "/dest dir/");
        assertThat(copy.args().get(0).raw()).isEqualTo("\"my file.txt\"");
    }

    @Test
    void exposeVolumeUserWorkdirStopsignal() throws Exception {
        Dockerfile df = parse("FROM x\nEXPOSE 80/tcp 443\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /cache\nUSER 1000:1000\n"
                + "WORKDIR /app\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane <jane@example.com>\n");
        assertThat(df.all("EXPOSE").get(0).argTexts()).containsExactly("80/tcp", "443");
        assertThat(df.all("VOLUME").get(0).execForm()).isTrue();
        assertThat(df.all("VOLUME").get(0).argTexts()).containsExactly("/data", "/logs");
        assertThat(df.all("VOLUME").get(1).argTexts()).containsExactly("/cache");
        assertThat(df.all("MAINTAINER").get(0).text()).isEqualTo("Jane <jane@example.com>");
    }

    @Test
    void tooLarge() {
        String big = "FROM x\n" + "#".repeat((int) DockerfileParser.MAX_SIZE);
        assertThat(error(big).reason()).contains("MiB");
    }

    /** Whatever the bytes, the parser returns a Dockerfile or a syntax error: never another exception. */
    @Test
    void neverThrowsAnythingButSyntaxErrors() {
        String[] pieces = {"FROM ", "RUN ", "COPY ", "ENV ", "LABEL ", "ARG ", "ONBUILD ", "HEALTHCHECK ", "SHELL ", "CMD ",
                "<<EOF", "<<-'X'", "EOF", "\\", "`", "\n", "\r\n", "\"", "'", "[", "]", ",", "=", "--mount=", "--from=",
                "${", "}", "$", " AS ", "x", "# escape=`\n", "# syntax=a\n", "\t", "\uFEFF", "{", ":-", "--", "CMD [\"a\"]"};
        Random r = new Random(42);
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "FROM x\n" : "");
            int len = r.nextInt(25);
            for (int k = 0; k < len; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String src = sb.toString();
            try {
                Dockerfile df = parse(src);
                for (Instruction i : df.instructions()) {
                    assertThat(i.start().offset()).isBetween(0, df.source().length());
                    assertThat(i.end().offset()).isBetween(i.start().offset(), df.source().length());
                    for (Word w : i.args()) {
                        assertThat(w.position().offset()).isBetween(0, df.source().length());
                    }
                    i.expand(i.text());
                }
            } catch (DockerfileSyntaxException expected) {
                assertThat(expected.line()).isPositive();
            } catch (RuntimeException e) {
                throw new AssertionError("parser threw on input: " + src.replace("\n", "\\n"), e);
            }
        }
    }

    @Test
    void variablesViewIsReadOnly() throws Exception {
        Map<String, String> vars = only("FROM x\nENV A=1\nRUN echo\n", "RUN").variables();
        assertThatThrownBy(() -> vars.put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The hint for an unknown instruction is the keyword at the smallest edit distance (at most 2), ties going to
     * a keyword the word abbreviates, then to the alphabetically first, whatever order the keyword set iterates in (Set.of's order changes per JVM run).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RUNN|RUN", "COPPY|COPY", "EXPSE|EXPOSE", "ENVV|ENV", "WORKDIRR|WORKDIR", "HEALTCHECK|HEALTHCHECK",
            "CP|COPY",       // CMD and COPY are both 2 edits away: CP abbreviates COPY
            "CM|CMD",        // CMD 1 edit
            "AD|ADD",        // ADD 1 edit; ARG 2
            "US|USER",       // RUN and USER both 2 edits away: US abbreviates USER
            "UN|RUN",        // RUN 1 edit away
            "FORM|FROM",     // a transposition is 2 edits; nothing closer
            "XYZZY|",        // nothing within 2 edits
    })
    void unknownInstructionHintIsDeterministic(String word, String expected) {
        String hint = expected; // an empty CSV cell is null: no hint
        List<String> keywords = new java.util.ArrayList<>(DockerfileParser.KEYWORDS);
        for (long seed = 0; seed < 20; seed++) {
            java.util.Collections.shuffle(keywords, new java.util.Random(seed));
            assertThat(DockerfileParser.suggestKeyword(word, keywords)).as("order %s", keywords).isEqualTo(hint);
        }
        DockerfileSyntaxException e = error("FROM x\n" + word + " a /a\n");
        assertThat(e.reason()).isEqualTo("unknown instruction: " + word + (hint == null ? "" : " (did you mean " + hint + "?)"));
    }
}
