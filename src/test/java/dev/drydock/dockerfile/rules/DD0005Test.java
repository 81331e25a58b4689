package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0005Test {

    private static final String FROM = "FROM node:20-bookworm-slim\n";

    private final DD0005 rule = new DD0005();

    @Test
    void catches() {
        assertCatches(rule, FROM + "ARG NPM_TOKEN\n"
                + "RUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci && rm .npmrc");
        assertCatches(rule, FROM + "ARG GITHUB_TOKEN\n"
                + "RUN git config --global url.\"https://${GITHUB_TOKEN}@github.com/\".insteadOf "
                        + "\"https://github.com/\"");
        assertCatches(rule, FROM + "ARG SSH_PRIVATE_KEY\nRUN mkdir -p /root/.ssh && echo \"$SSH_PRIVATE_KEY\" > "
                + "/root/.ssh/id_rsa");
        assertCatches(rule, FROM + "ARG PIP_PASSWORD\nRUN pip install --index-url "
                + "https://ci:$PIP_PASSWORD@pypi.example.com/simple app");
        assertCatches(rule, FROM + "ARG TOKEN\nRUN TOKEN_HEADER=\"Authorization: $TOKEN\" "
                + "./fetch.sh");          // assignment
        assertCatches(rule, FROM + "ARG AWS_SECRET_ACCESS_KEY\nRUN aws configure set aws_secret_access_key "
                + "${AWS_SECRET_ACCESS_KEY:?}");
        assertCatches(rule, FROM + "ARG NPM_TOKEN\nRUN <<EOF\nnpm config set //registry.npmjs.org/:_authToken "
                + "$NPM_TOKEN\nnpm ci\nEOF");
        assertCatches(rule, FROM + "ARG NPM_TOKEN\nRUN cat <<EOF > ~/.npmrc\n"
                + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nEOF");
        // a global ARG redeclared in the stage
        assertCatchesOnLines(rule, "ARG GH_TOKEN\nFROM golang:1.22\nARG GH_TOKEN\nRUN GOPRIVATE=x go env && "
                + "git clone https://$GH_TOKEN@github.com/x/y\nRUN make\n", 4);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, FROM + "ARG NPM_TOKEN\nRUN npm "
                + "ci");                                   // not referenced (DD0002)
        assertPasses(rule, FROM + "ARG NODE_VERSION\nRUN echo $NODE_VERSION");
        assertPasses(rule, FROM + "ARG NPM_TOKEN\nRUN echo $NPM_TOKEN_FILE");                      // a different name
        assertPasses(rule, "ARG GH_TOKEN\nFROM golang:1.22\nRUN git clone "
                + "https://$GH_TOKEN@github.com/x/y");  // not in scope
        assertPasses(rule, FROM + "ARG NPM_TOKEN\n"
                + "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm config set //r/:_authToken $NPM_TOKEN "
                        + "&& npm ci");
        assertPasses(rule, FROM + "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci");
        assertPasses(rule, FROM + "ARG NPM_TOKEN\nRUN cat <<'EOF' > /usr/local/bin/login\nnpm login --token "
                + "$NPM_TOKEN\nEOF");
        assertPasses(rule, FROM + "ARG NPM_TOKEN\nFROM node:20\nRUN echo $NPM_TOKEN");              // new stage
        assertPasses(rule, FROM + "ARG NPM_TOKEN\nENV X=$NPM_TOKEN");                             // ENV is DD0001's
    }

    @Test
    void messageNamesArgAndSuggestsTheMount() {
        var v = assertCatches(rule, FROM + "ARG GITHUB_TOKEN\nRUN git clone https://${GITHUB_TOKEN}@github.com/x/y");
        assertThat(v.get(0).message()).contains("`GITHUB_TOKEN`").contains("line 2")
                .contains("--mount=type=secret,id=github_token,env=GITHUB_TOKEN");
        assertThat(v.get(0).position().line()).isEqualTo(3);
        assertThat(v.get(0).position().column()).isEqualTo(15);
    }
}
