package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DD0017Test {

    private final DD0017 rule = new DD0017();

    @TempDir
    Path ctx;

    private static final String ADEQUATE = """
            # keep secrets and history out of the build context
            .git
            **/.env
            **/.env.*
            **/*.pem
            **/*.key
            **/id_rsa
            **/.npmrc
            .aws
            node_modules
            """;

    private List<Violation> lint(String snippet) {
        return RuleTester.lint(rule, snippet, LintSettings.DEFAULT, ctx);
    }

    private void write(String path, String content) throws IOException {
        Path p = ctx.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** A small Node.js project with a .git directory, an .env file and a deploy key. */
    private void project() throws IOException {
        write("package.json", "{}");
        write("server.js", "");
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".env", "DATABASE_URL=postgres://app:pw@db/app\n");
        write(".env.example", "DATABASE_URL=\n");
        write("deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }

    @Test
    void catchesWholeContextCopiesWithoutDockerignore() throws IOException {
        assertThat(lint("WORKDIR /app\nCOPY . .")).hasSize(1);          // empty context, no .dockerignore
        project();
        for (String copy : List.of("COPY . .", "COPY . /app", "COPY ./ ./", "ADD . /app", "COPY --chown=node:node . .",
                "COPY --link . .", "COPY * /app/", "COPY [\".\", \"/app\"]", "COPY package.json . /app/")) {
            assertThat(lint(copy)).as(copy).hasSize(1);
        }
        assertThat(lint("COPY . .").get(0).message())
                .isEqualTo("COPY . copies .env, .git, deploy/id_rsa into the image: there is no .dockerignore");
    }

    @Test
    void emptyContextWithoutDockerignoreSaysWhatToExclude() {
        assertThat(lint("COPY . .").get(0).message()).isEqualTo("COPY . copies the whole build context and there is "
                + "no .dockerignore; add one that excludes .git, .env, key files (*.pem, id_rsa), .npmrc and .aws");
    }

    @Test
    void catchesADockerignoreThatLetsSecretsThrough() throws IOException {
        project();
        write(".dockerignore", "node_modules\nnpm-debug.log\n");
        assertThat(lint("COPY . .").get(0).message())
                .isEqualTo("COPY . copies .env, .git, deploy/id_rsa into the image: .dockerignore does not exclude them");
        // .git and .env excluded, but "id_rsa" only matches at the root of the context
        write(".dockerignore", ".git\n.env\nid_rsa\n");
        assertThat(lint("COPY . .").get(0).message())
                .isEqualTo("COPY . copies deploy/id_rsa into the image: .dockerignore does not exclude it");
        // "*.pem" does not cross directories either: only "**/*.pem" does
        write(".dockerignore", ".git\n.env\n**/id_rsa\n*.pem\n");
        write("certs/server.pem", "");
        assertThat(lint("COPY . .").get(0).message()).contains("certs/server.pem");
        // a later negation lets a file back in
        write(".dockerignore", ".git\n.env*\n!.env.production\n**/id_rsa\n**/*.pem\n");
        write(".env.production", "SECRET=1\n");
        assertThat(lint("COPY . .").get(0).message()).startsWith("COPY . copies .env.production into the image");
        // a commented-out line excludes nothing
        write(".dockerignore", "#.git\n.env*\n**/id_rsa\n**/*.pem\n");
        assertThat(lint("COPY . .").get(0).message()).startsWith("COPY . copies .git into the image");
    }

    @Test
    void passesWithAnAdequateDockerignore() throws IOException {
        project();
        write(".dockerignore", ADEQUATE);
        write("certs/nested/server.pem", "");
        write("node_modules/dep/.env", "");                                  // excluded and never walked
        assertThat(lint("WORKDIR /app\nCOPY . .")).isEmpty();
        // allow-list style: exclude everything, let the sources back in
        write(".dockerignore", "*\n!package.json\n!server.js\n!src/\n");
        assertThat(lint("COPY . .")).isEmpty();
        // "**" at the start matches at any depth, "/" at the start is dropped, "./" is cleaned
        write(".dockerignore", "/.git\n./.env\n**/id_rsa\n**/*.pem\n");
        assertThat(lint("COPY . .")).isEmpty();
        // a negation under an excluded directory does not let the excluded secret back in
        write(".dockerignore", ".git\n!.git/HEAD\n.env\ndeploy\n**/*.pem\n");
        assertThat(lint("COPY . .")).isEmpty();
        // harmless look-alikes need no exclusion
        Files.delete(ctx.resolve(".env"));
        Files.delete(ctx.resolve("deploy/id_rsa"));
        Files.delete(ctx.resolve("certs/nested/server.pem"));
        write(".dockerignore", ".git\nnode_modules\n");
        assertThat(lint("COPY . .")).isEmpty();                              // .env.example is fine
    }

    @Test
    void whenTheContextIsTooDeepToListTheDockerignoreMustExcludeEveryKind() throws IOException {
        write("a/b/c/d/e/f/g/h/i/j/main.go", "");                           // deeper than the walk goes
        write(".dockerignore", ".git\nnode_modules\n");
        assertThat(lint("COPY . .")).extracting(Violation::message).containsExactly("COPY . copies the whole build "
                + "context and .dockerignore does not exclude .env, key.pem, id_rsa, .npmrc, .aws");
        write(".dockerignore", ADEQUATE);
        assertThat(lint("COPY . .")).isEmpty();
        // a secret found above the limit is still named
        write("a/.env", "");
        write(".dockerignore", ".git\n");
        assertThat(lint("COPY . .").get(0).message()).startsWith("COPY . copies a/.env into the image");
    }

    @Test
    void doesNotCatchCopiesOfPartsOrFromStages() throws IOException {
        project();
        for (String copy : List.of("COPY package.json server.js ./", "COPY src/ ./src/", "COPY --from=build . .",
                "COPY --from=build /app .", "RUN echo 'COPY . .'", "COPY ./package.json .", "COPY .env.example .")) {
            assertThat(lint(copy)).as(copy).isEmpty();
        }
        // without a build context (Dockerfile from stdin) nothing can be said
        assertThat(RuleTester.lint(rule, "COPY . .")).isEmpty();
    }

    @Test
    void reportsEveryWholeContextCopyAtItsSource() throws IOException {
        project();
        List<Violation> v = lint("FROM node:22 AS build\nCOPY . .\nFROM node:22-slim\nWORKDIR /app\nCOPY   . /app");
        assertThat(v).hasSize(2);
        assertThat(v.get(0).position().line()).isEqualTo(2);
        assertThat(v.get(0).position().column()).isEqualTo(6);
        assertThat(v.get(1).position().line()).isEqualTo(5);
        assertThat(v.get(1).position().column()).isEqualTo(8);
    }

    @Test
    void aDockerfileSpecificIgnoreFileWins() throws Exception {
        project();
        write("docker/Dockerfile.prod", "");
        Path dockerfile = ctx.resolve("docker/Dockerfile.prod");
        write(".dockerignore", ADEQUATE);
        write("docker/Dockerfile.prod.dockerignore", "node_modules\n");
        List<Violation> v = lint(dockerfile, "FROM node:22\nCOPY . .\n");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).endsWith("Dockerfile.prod.dockerignore does not exclude them");
        write("docker/Dockerfile.prod.dockerignore", ADEQUATE);
        Files.delete(ctx.resolve(".dockerignore"));
        assertThat(lint(dockerfile, "FROM node:22\nCOPY . .\n")).isEmpty();
    }

    private List<Violation> lint(Path dockerfile, String text) throws Exception {
        Dockerfile df = DockerfileParser.parse(dockerfile.toString(), text);
        Violations out = new Violations(rule.info(), df.name());
        rule.check(new LintContext(df, LintSettings.DEFAULT, ctx), out);
        return out.list();
    }

    @Test
    void dockerIgnoreMatchesLikeMobyPatternmatcher() {
        // rows: pattern file, path, excluded? (moby/patternmatcher MatchesOrParentMatches)
        Object[][] rows = {
                {".git", ".git", true},
                {".git", ".git/config", true},                 // a parent directory matches
                {".git", "sub/.git", false},                   // patterns are anchored at the context root
                {"**/.git", "sub/.git", true},
                {"**/.git", ".git", true},                     // "**/" may match nothing
                {"*.pem", "key.pem", true},
                {"*.pem", "certs/key.pem", false},             // "*" does not cross "/"
                {"**/*.pem", "certs/a/key.pem", true},
                {"certs/**", "certs/a/key.pem", true},
                {"certs/**", "certs", false},
                {"**", "anything/at/all", true},
                {"**.pem", "key.pem", true},                  // a leading "**" with no other wildcard: a suffix
                {"**.pem", "certs/a/key.pem", true},
                {"**id_rsa", "deploy/id_rsa", true},
                {"**/.env", "app/x.env", false},
                {"**", "", true},
                {"foo**", "foobar/x", true},                  // a trailing "**": a prefix
                {"a/**/b", "a/b", true},                      // "**/" may match no directory
                {"a/**/b", "a/x/y/b", true},
                {"a**b", "ax/b", true},                       // "**" not before "/" still becomes "(.*/)?"
                {"a**b", "axb", false},
                {"*/.env", "app/.env", true},
                {"*/.env", "app/sub/.env", false},
                {"?ey.pem", "key.pem", true},
                {"?ey.pem", "ke.pem", false},
                {"[kK]ey.pem", "Key.pem", true},
                {"/secrets", "secrets/a", true},               // leading "/" dropped
                {"./secrets/../.env", ".env", true},           // cleaned like filepath.Clean
                {".env\n!.env", ".env", false},                // the last match wins
                {"*\n!src", "src/main.go", false},
                {"*\n!src", ".env", true},
                {"**/.env\n!app/.env", "app/.env", false},
                {"**/.env\n!app/.env", "lib/.env", true},
                {"  .env  ", ".env", true},                    // trimmed
                {"#.env", ".env", false},                      // a comment
                {"\uFEFF.env", ".env", true},                  // byte order mark
                {"a.b", "aXb", false},                         // "." is literal
                {"\\*.txt", "*.txt", true},                    // escaped "*"
                {"\\*.txt", "a.txt", false},
        };
        for (Object[] r : rows) {
            assertThat(DockerIgnore.parse((String) r[0]).excludes((String) r[1]))
                    .as("%s excludes %s", r[0], r[1]).isEqualTo(r[2]);
        }
    }
}
