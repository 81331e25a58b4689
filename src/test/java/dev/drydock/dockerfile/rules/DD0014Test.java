package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DD0014Test {

    private final DD0014 rule = new DD0014();

    @Test
    void catches() {
        // npm: the lock file copied by name, by glob, or as npm-shrinkwrap.json; install and its aliases
        assertCatches(rule, "COPY package.json package-lock.json ./\nRUN npm install");
        assertCatches(rule, "COPY package*.json ./\nRUN npm install");
        assertCatches(rule, "COPY --chown=node:node package*.json ./\nRUN npm i");
        assertCatches(rule, "COPY package.json npm-shrinkwrap.json ./\nRUN npm install --omit=dev");
        assertCatches(rule, "COPY package*.json ./\nRUN npm install --production --no-audit");
        assertCatches(rule, "COPY package*.json ./\nRUN npm --loglevel=warn install");
        assertCatches(rule, "COPY package*.json ./\nRUN npm config set fund false \\\n    && npm install");
        assertCatches(rule, "COPY package*.json ./\nRUN <<EOF\nset -e\nnpm install\nEOF");
        assertCatches(rule, "COPY package*.json ./\nRUN [\"npm\", \"install\"]");
        assertCatches(rule, "COPY package*.json ./\nRUN sudo -u node npm install");
        // a lock file from another stage is still a lock file
        assertCatches(rule, "COPY --from=deps /app/package-lock.json /app/package.json ./\nRUN npm install");
        // inherited from the parent stage
        assertCatches(rule, "FROM node:22-bookworm-slim AS deps\nWORKDIR /app\nCOPY package*.json ./\n"
                + "FROM deps AS build\nRUN npm install");
        // bind-mounted for the one RUN (docs.docker.com's Node.js guide)
        assertCatches(rule, "RUN --mount=type=bind,source=package.json,target=package.json \\\n"
                + "    --mount=type=bind,source=package-lock.json,target=package-lock.json \\\n"
                + "    --mount=type=cache,target=/root/.npm \\\n    npm install --omit=dev");
        // yarn and pnpm
        assertCatches(rule, "COPY package.json yarn.lock ./\nRUN yarn install");
        assertCatches(rule, "COPY package.json yarn.lock ./\nRUN yarn");
        assertCatches(rule, "COPY package.json yarn.lock ./\nRUN yarn install --production --network-timeout 100000");
        assertCatches(rule, "COPY package.json pnpm-lock.yaml ./\nRUN pnpm install");
        assertCatches(rule, "COPY package.json pnpm-lock.yaml ./\nRUN corepack enable && pnpm i --prod");
        assertCatchesOnLines(rule, "COPY package*.json ./\nRUN npm ci\nRUN npm install", 3);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "COPY package.json ./\nRUN npm install");                     // no lock file
        assertPasses(rule, "COPY package*.json ./\nRUN npm ci");
        assertPasses(rule, "COPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force");
        assertPasses(rule, "COPY package*.json ./\nRUN npm install -g npm@10.8.2");        // global tool
        assertPasses(rule, "COPY package*.json ./\nRUN npm install --global pm2@5.4.2");
        assertPasses(rule, "COPY package*.json ./\nRUN npm install express@4.19.2");       // adds a package
        assertPasses(rule, "COPY package*.json ./\nRUN echo 'npm install' > /notes.txt");  // inside a string
        assertPasses(rule, "COPY package*.json ./\nRUN npm run build");
        assertPasses(rule, "COPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile");
        assertPasses(rule, "COPY package.json yarn.lock ./\nRUN yarn install --immutable");
        assertPasses(rule, "COPY package.json yarn.lock ./\nRUN yarn add left-pad@1.3.0");
        assertPasses(rule, "COPY package.json yarn.lock ./\nRUN YARN_ENABLE_IMMUTABLE_INSTALLS=true yarn install");
        assertPasses(rule, "ENV YARN_ENABLE_IMMUTABLE_INSTALLS=1\nCOPY package.json yarn.lock ./\nRUN yarn");
        assertPasses(rule, "COPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile");
        assertPasses(rule, "COPY package.json yarn.lock ./\nRUN npm install");            // npm has no lock here
        // the lock file is in an unrelated stage
        assertPasses(rule, "FROM node:22 AS a\nCOPY package*.json ./\nRUN npm ci\nFROM node:22\nRUN npm install");
        assertPasses(rule, "COPY package*.json ./\nSHELL [\"powershell\", \"-Command\"]\nRUN npm install");
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.npm npm install");
        // vercel/next.js examples/with-docker: whichever lock file exists is enforced
        assertPasses(rule, "COPY package.json yarn.lock* package-lock.json* pnpm-lock.yaml* .npmrc* ./\nRUN \\\n"
                + "  if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\\n"
                + "  elif [ -f package-lock.json ]; then npm ci; \\\n"
                + "  elif [ -f pnpm-lock.yaml ]; then corepack enable pnpm && pnpm i --frozen-lockfile; \\\n"
                + "  else echo \"Lockfile not found.\" && exit 1; \\\n  fi");
    }

    @Test
    void readsTheBuildContextForDirectoryCopies(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve("package.json"), "{}");
        assertThat(lint(rule, "WORKDIR /app\nCOPY . .\nRUN npm install", LintSettings.DEFAULT, ctx)).isEmpty();
        Files.writeString(ctx.resolve("package-lock.json"), "{}");
        assertThat(lint(rule, "WORKDIR /app\nCOPY . .\nRUN npm install", LintSettings.DEFAULT, ctx)).hasSize(1);
        Files.createDirectories(ctx.resolve("web"));
        Files.writeString(ctx.resolve("web/yarn.lock"), "");
        assertThat(lint(rule, "COPY web/ /app/\nRUN yarn install", LintSettings.DEFAULT, ctx)).hasSize(1);
        assertThat(lint(rule, "COPY web/ /app/\nRUN npm install", LintSettings.DEFAULT, ctx)).isEmpty();
        // paths leaving the context are not followed
        assertThat(lint(rule, "COPY ../ /app/\nRUN npm install", LintSettings.DEFAULT, ctx.resolve("web"))).isEmpty();
    }

    @Test
    void messageNamesTheLockFileAndPointsAtNpm() {
        Violation v = lint(rule, "COPY package*.json ./\nRUN set -eux; npm install").get(0);
        assertThat(v.message()).isEqualTo("`npm install` with package-lock.json in the stage: use `npm ci`, which "
                + "installs exactly the lock file and fails when it is out of date");
        assertThat(v.line()).isEqualTo(3);
        assertThat(v.position().column()).isEqualTo(15);
        assertThat(lint(rule, "COPY package.json yarn.lock ./\nRUN yarn install --production").get(0).message())
                .startsWith("`yarn install --production` with yarn.lock in the stage: add `--frozen-lockfile`");
    }

    @Test
    void fixReplacesInstallWithCi() {
        assertThat(fixed("COPY package*.json ./\nRUN npm install\n")).isEqualTo("COPY package*.json ./\nRUN npm ci\n");
        assertThat(fixed("COPY package*.json ./\nRUN npm i --omit=dev\n"))
                .isEqualTo("COPY package*.json ./\nRUN npm ci --omit=dev\n");
        assertThat(fixed("COPY package*.json ./\nRUN npm --loglevel=warn install --no-audit && npm cache clean --force\n"))
                .isEqualTo("COPY package*.json ./\nRUN npm --loglevel=warn ci --no-audit && npm cache clean --force\n");
        assertThat(fixed("COPY package*.json ./\nRUN npm config set fund false \\\n    && npm install --production\n"))
                .isEqualTo("COPY package*.json ./\nRUN npm config set fund false \\\n    && npm ci --production\n");
        // a comment line inside the continuation is skipped when mapping offsets
        assertThat(fixed("COPY package*.json ./\nRUN set -e \\\n# install deps\n    && npm install\n"))
                .isEqualTo("COPY package*.json ./\nRUN set -e \\\n# install deps\n    && npm ci\n");
    }

    @Test
    void fixMapsOffsetsThroughEscapesLineEndingsAndNestedShells() {
        // the escape directive's backtick continues lines
        assertThat(fixed("# escape=`\nFROM node:22\nCOPY package*.json ./\nRUN npm config set fund false `\n"
                + "  && npm install\n")).isEqualTo("# escape=`\nFROM node:22\nCOPY package*.json ./\n"
                + "RUN npm config set fund false `\n  && npm ci\n");
        assertThat(fixed("COPY package*.json ./\r\nRUN npm config set a b \\\r\n && npm install\r\n"))
                .isEqualTo("COPY package*.json ./\r\nRUN npm config set a b \\\r\n && npm ci\r\n");
        assertThat(fixed("COPY package*.json ./\nRUN npm install \\\n\n    --no-audit\n"))
                .isEqualTo("COPY package*.json ./\nRUN npm ci \\\n\n    --no-audit\n");
        assertThat(fixed("COPY package*.json ./\nRUN sh -c 'npm install'\n"))
                .isEqualTo("COPY package*.json ./\nRUN sh -c 'npm ci'\n");
    }

    @Test
    void noFixWhereTheWordCannotBePlaced() {
        assertThat(lint(rule, "COPY package*.json ./\nRUN [\"npm\", \"install\"]").get(0).fixes()).isEmpty();
        assertThat(lint(rule, "COPY package*.json ./\nRUN <<EOF\nnpm install\nEOF").get(0).fixes()).isEmpty();
        assertThat(lint(rule, "COPY package*.json ./\nRUN npm \"install\"").get(0).fixes()).isEmpty();
        // yarn and pnpm are reported without a rewrite
        assertThat(lint(rule, "COPY package.json yarn.lock ./\nRUN yarn install").get(0).fixes()).isEmpty();
    }

    /** The snippet after applying every edit, with the pinned FROM removed again. */
    static String fixed(Rule rule, String snippet) {
        String source = RuleTester.parse(snippet).source();
        List<Edit> edits = lint(rule, snippet).stream().flatMap(v -> v.fixes().stream())
                .sorted(Comparator.comparingInt(Edit::start).reversed()).toList();
        StringBuilder sb = new StringBuilder(source);
        for (Edit e : edits) {
            sb.replace(e.start(), e.end(), e.replacement());
        }
        String out = sb.toString();
        return out.startsWith(RuleTester.PINNED_FROM) ? out.substring(RuleTester.PINNED_FROM.length()) : out;
    }

    private String fixed(String snippet) {
        return fixed(rule, snippet);
    }
}
