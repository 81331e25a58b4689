package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3018Test {

    private final DL3018 rule = new DL3018();

    @Test
    void catches() {
        assertCatches(rule, "RUN apk add flex");
        assertCatches(rule, "RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5");
        assertCatches(rule, "RUN apk add --no-cache --virtual .build-deps gcc musl-dev");
        assertCatches(rule, "RUN apk --no-cache add ca-certificates");
        assertCatches(rule, "RUN apk update && apk add -U tzdata");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apk add flex=2.6.4-r1");
        assertPasses(rule, "RUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt");
        assertPasses(rule, "RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1");
        assertPasses(rule, "RUN apk add \\\n--virtual build-dependencies \\\n"
                + "python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n&& pip install -r requirements.txt \\\n"
                + "&& python setup.py install \\\n&& apk del build-dependencies");
        assertPasses(rule, "RUN apk add -t .deps gcc=13.2.1_git20231014-r0");
        assertPasses(rule, "RUN apk add --no-cache \\\n--repository https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0");
        assertPasses(rule, "RUN apk add --no-cache \\\n--repository=https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0");
        assertPasses(rule, "RUN apk add --no-cache \\\n-X https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0");
        assertPasses(rule, "RUN apk add mypackage-1.1.1.apk");
        assertPasses(rule, "RUN apk add --no-cache curl~8.5");
        assertPasses(rule, "RUN apk add --no-cache 'python3>=3.11'");
        assertPasses(rule, "RUN apk add --no-cache $RUNTIME_DEPS");
        assertPasses(rule, "RUN apk del flex");
        assertPasses(rule, "RUN echo 'apk add flex'");
    }

    @Test
    void namesUnpinnedPackages() {
        var v = assertCatches(rule, "RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0 musl-dev");
        assertThat(v.get(0).message()).contains("`musl-dev`").doesNotContain(".build-deps").doesNotContain("gcc");
    }
}
