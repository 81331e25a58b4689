package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3016Test {

    private final DL3016 rule = new DL3016();

    @Test
    void catches() {
        assertCatches(rule, "RUN npm install express");
        assertCatches(rule, "RUN npm install @myorg/privatepackage");
        assertCatches(rule, "RUN npm install express sax@0.1.1");
        assertCatches(rule, "RUN npm install --global express");
        assertCatches(rule, "RUN npm install git+ssh://git@github.com:npm/npm.git");
        assertCatches(rule, "RUN npm install git+http://isaacs@github.com/npm/npm");
        assertCatches(rule, "RUN npm install git+https://isaacs@github.com/npm/npm.git");
        assertCatches(rule, "RUN npm install git://github.com/npm/npm.git");
        assertCatches(rule, "RUN npm i -g pm2");                                   // alias of install
        assertCatches(rule, "RUN npm ci && npm install -g --loglevel warn serve");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN npm install");
        assertPasses(rule, "RUN npm install --progress=false");
        assertPasses(rule, "RUN npm install express@4.1.1");
        assertPasses(rule, "RUN npm install @myorg/privatepackage@\">=0.1.0\"");
        assertPasses(rule, "RUN npm install express@\"4.1.1\" sax@0.1.1");
        assertPasses(rule, "RUN npm install --global express@\"4.1.1\"");
        assertPasses(rule, "RUN npm install -g express@\"4.1.1\"");
        assertPasses(rule, "RUN npm install package-v1.2.3.tar");
        assertPasses(rule, "RUN npm install package-v1.2.3.tar.gz");
        assertPasses(rule, "RUN npm install package-v1.2.3.tgz");
        assertPasses(rule, "RUN npm install /folder");
        assertPasses(rule, "RUN npm install ./folder");
        assertPasses(rule, "RUN npm install ../folder");
        assertPasses(rule, "RUN npm install ~/folder");
        assertPasses(rule, "RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27");
        assertPasses(rule, "RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0");
        assertPasses(rule, "RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27");
        assertPasses(rule, "RUN npm install git://github.com/npm/npm.git#v1.0.27");
        assertPasses(rule, "RUN npm run --crazy install");
        assertPasses(rule, "RUN npm install @myorg/privatepackage@\">=0.1.0 <0.2.0\"");
        assertPasses(rule, "RUN npm install --loglevel verbose sax@0.1.1");
        assertPasses(rule, "RUN npm ci --omit=dev");
        assertPasses(rule, "RUN yarn add express");                                // not npm
        assertPasses(rule, "RUN echo 'npm install express'");
    }

    @Test
    void namesUnpinnedPackages() {
        var v = assertCatches(rule, "RUN npm install -g typescript@5.4.2 ts-node");
        assertThat(v.get(0).message()).contains("`ts-node`").doesNotContain("typescript");
    }
}
