package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3060Test {

    private final DL3060 rule = new DL3060();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "RUN yarn install foo");
        assertCatches(rule, "ONBUILD RUN yarn install foo");
        assertCatches(rule, "FROM node:lts-alpine as foo\nRUN hey!\nFROM scratch\nRUN yarn install");
        assertCatches(rule, "FROM node:lts-alpine as foo\nRUN yarn install\nFROM foo\nRUN hey!");
        assertCatches(rule, "FROM node:lts-alpine as foo\nONBUILD RUN yarn install foo\nFROM scratch\nRUN hey!");
    }

    @Test
    void catchesRealWorld() {
        assertCatches(rule, "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\n"
                + "RUN yarn install --frozen-lockfile --production");
        assertCatches(rule, "RUN yarn && yarn build");                                   // bare yarn installs
        assertCatches(rule, "RUN yarn --frozen-lockfile");
        assertCatches(rule, "RUN yarn --cwd /app install");
        assertCatches(rule, "RUN yarn install\nRUN yarn cache clean");                  // cleaned in another layer
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.npm yarn install");    // not yarn's cache
        assertCatchesOnLines(rule, "FROM node:20\nRUN yarn install \\\n    && yarn build", 2);
    }

    @Test
    void doesNotCatchHadolintSpec() {
        assertPasses(rule, "RUN foo");
        assertPasses(rule, "RUN yarn install bar && yarn cache clean");
        assertPasses(rule, "FROM node:lts-alpine as foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey!");
        assertPasses(rule, "FROM node:lts-alpine as foo\nRUN yarn install foo\nFROM scratch\nRUN hey!");
    }

    @Test
    void doesNotCatchRealWorld() {
        // the builder's cache never reaches the final image
        assertPasses(rule, "FROM node:20 AS build\nWORKDIR /app\nRUN yarn install --frozen-lockfile && yarn build\n"
                + "FROM nginx:1.25-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html");
        assertPasses(rule, "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile");
        assertPasses(rule, "RUN yarn install --frozen-lockfile && yarn cache clean --all");
        assertPasses(rule, "RUN yarn install && rm -rf /usr/local/share/.cache/yarn");
        assertPasses(rule, "RUN yarn build");
        assertPasses(rule, "RUN yarn --version");
        assertPasses(rule, "RUN npm install -g yarn@1.22.19");
        assertPasses(rule, "RUN echo 'yarn install'");
    }

    @Test
    void messageAndPosition() {
        var v = assertCatches(rule, "RUN apk add git && yarn install --production");
        assertThat(v.get(0).message())
                .isEqualTo("`yarn cache clean` missing after `yarn install --production` was run.");
        assertThat(v.get(0).position().column()).isEqualTo(20);
    }
}
