package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3003Test {

    private final DL3003 rule = new DL3003();

    @Test
    void catches() {
        assertCatches(rule, "RUN cd /opt");
        assertCatches(rule, "RUN cd /usr/src/app && make && make install");
        assertCatches(rule, "RUN git clone https://github.com/redis/redis.git \\\n    && cd redis \\\n    && make");
        assertCatches(rule, "RUN (cd /tmp && tar xzf app.tar.gz)");
        assertCatches(rule, "RUN [\"/bin/sh\", \"-c\", \"cd /app && npm ci\"]");
        assertCatches(rule, "RUN <<EOF\ncd /src\nmake\nEOF");
        // the RUN's own shell still counts next to a child shell
        assertCatches(rule, "RUN cd /src && su app -c 'make'");
        assertCatches(rule, "RUN [\"sudo\", \"sh\", \"-c\", \"cd /app && npm ci\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "WORKDIR /usr/src/app\nRUN make");
        assertPasses(rule, "RUN echo \"cd /app\" >> /root/.bashrc");
        assertPasses(rule, "RUN make -C /usr/src/app");
        assertPasses(rule, "RUN git -C /src pull");
        assertPasses(rule, "RUN cdrecord --version");
        // a script handed to another shell: its cd never changes the RUN's directory, and WORKDIR would not
        // replace it (nginx alpine-slim builds as nobody in /tmp this way)
        assertPasses(rule, "RUN su nobody -s /bin/sh -c \"cd /tmp && make\"");
        assertPasses(rule, "RUN sh -c \"cd /tmp && make\"");
        assertPasses(rule, "RUN set -x \\\n    && su nobody -s /bin/sh -c \" \\\n        export HOME=/tmp \\\n"
                + "        && cd /tmp \\\n        && make\"");
        assertPasses(rule, "RUN bash -euxo pipefail -c 'cd /src && ./configure'");
        assertPasses(rule, "RUN runuser app -c 'cd ~ && npm ci'");
        assertPasses(rule, "RUN bash <<EOF\ncd /src\nmake\nEOF");
    }

    @Test
    void messageSuggestsWorkdir() {
        var v = assertCatches(rule, "RUN cd /usr/src/app && make");
        assertThat(v.get(0).message()).contains("WORKDIR /usr/src/app");
        assertThat(v.get(0).position().column()).isEqualTo(5);
    }
}
