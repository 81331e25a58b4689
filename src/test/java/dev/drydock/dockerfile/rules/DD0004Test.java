package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0004Test {

    private final DD0004 rule = new DD0004();

    @Test
    void catchesWriteThenLaterDelete() {
        // the classic private-npm pattern
        assertCatchesOnLines(rule, "FROM node:20\nARG NPM_TOKEN\n"
                + "RUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > ~/.npmrc\n"
                + "RUN npm ci\nRUN rm -f ~/.npmrc\n", 3);
        // SSH key for private git dependencies, removed with its directory
        assertCatchesOnLines(rule, "FROM golang:1.22\nCOPY id_rsa /root/.ssh/\n"
                + "RUN chmod 600 /root/.ssh/id_rsa && go mod download\nRUN rm -rf /root/.ssh\n", 2);
        assertCatchesOnLines(rule, "FROM python:3.12\n"
                + "RUN printf 'machine pypi.example.com login ci password %s\\n' \"$PW\" >> $HOME/.netrc\n"
                + "RUN pip install -r requirements.txt && rm $HOME/.netrc\n", 2);
        assertCatches(rule, "FROM python:3.12\nRUN cp /tmp/pypirc ~/.pypirc\nRUN twine upload dist/*\nRUN rm "
                + "~/.pypirc\n");
        assertCatches(rule, "FROM alpine:3.20\nRUN echo \"https://ci:${TOKEN}@github.com\" | tee "
                + "/root/.git-credentials\n"
                + "RUN git clone https://github.com/x/y && rm /root/.git-credentials\n");
        assertCatches(rule, "FROM docker:27\nRUN echo \"$PW\" | docker login -u ci --password-stdin "
                + "registry.example.com\n"
                + "RUN docker pull registry.example.com/x\nRUN rm -rf ~/.docker\n");
        assertCatches(rule, "FROM amazon/aws-cli:2.17.0\nRUN aws configure set aws_secret_access_key \"$KEY\"\n"
                + "RUN aws s3 cp s3://b/x /x\nRUN rm /root/.aws/credentials\n");
        assertCatches(rule, "FROM node:20\nRUN npm config set //registry.npmjs.org/:_authToken \"$NPM_TOKEN\"\n"
                + "RUN npm ci\nRUN rm /root/.npmrc\n");
        assertCatches(rule, "FROM nginx:1.27\nRUN curl -fsSo /etc/nginx/tls.key https://vault.example/key\n"
                + "RUN nginx -t\nRUN rm /etc/nginx/tls.key\n");
        assertCatches(rule, "FROM debian:12\nRUN ssh-keygen -t ed25519 -N '' -f /root/.ssh/id_ed25519\n"
                + "RUN rm -f /root/.ssh/id_*\n");
        assertCatches(rule, "FROM node:20\nWORKDIR /app\nCOPY .npmrc .\nRUN npm ci\nRUN rm .npmrc\n");
        // the file is removed in a child stage: still in the parent's layer
        assertCatchesOnLines(rule, "FROM node:20 AS deps\nRUN echo x > /root/.npmrc\nFROM deps\nRUN rm "
                + "/root/.npmrc\n", 2);
    }

    @Test
    void doesNotCatch() {
        // written, used and removed within one RUN: never stored in a layer
        assertPasses(rule, "FROM node:20\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc "
                + "&& npm ci && rm -f .npmrc\n");
        assertPasses(rule, "FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n");
        assertPasses(rule, "FROM golang:1.22\nRUN --mount=type=ssh go mod download\n");
        assertPasses(rule, "FROM node:20\nRUN echo x > ~/.npmrc\nRUN npm ci\n"
                + "");                 // not deleted (DD0001-like)
        assertPasses(rule, "FROM debian:12\nRUN echo hi > /tmp/log.txt\nRUN rm /tmp/log.txt\n"); // not a credential
        assertPasses(rule, "FROM debian:12\nCOPY ca.pem /usr/local/share/ca-certificates/\nRUN rm "
                + "/usr/local/share/ca-certificates/ca.pem\n");
        assertPasses(rule, "FROM node:20\nRUN echo x > ~/.npmrc\nRUN rm -f ~/.yarnrc\n");        // a different file
        assertPasses(rule, "FROM node:20\nRUN echo 'rm ~/.npmrc' > /cleanup.sh\nRUN echo x > /tmp/a\n");
        assertPasses(rule, "FROM node:20 AS a\nRUN echo x > /root/.npmrc\nFROM node:20\nRUN rm /root/.npmrc\n"
                + ""); // unrelated stage
        assertPasses(rule, "FROM node:20\nRUN echo x > /root/.npmrc 2>&1 && rm /root/.npmrc\n");
    }

    @Test
    void messageNamesFileAndDeletingLine() {
        var v = assertCatches(rule, "FROM node:20\nRUN echo x > ~/.npmrc\nRUN npm ci\nRUN rm -f ~/.npmrc\n");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`~/.npmrc`").contains("line 4").contains("--mount=type=secret");
        assertThat(v.get(0).line()).isEqualTo(2);
    }
}
