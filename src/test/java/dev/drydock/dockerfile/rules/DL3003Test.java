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
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "WORKDIR /usr/src/app\nRUN make");
        assertPasses(rule, "RUN echo \"cd /app\" >> /root/.bashrc");
        assertPasses(rule, "RUN make -C /usr/src/app");
        assertPasses(rule, "RUN git -C /src pull");
        assertPasses(rule, "RUN cdrecord --version");
    }

    @Test
    void messageSuggestsWorkdir() {
        var v = assertCatches(rule, "RUN cd /usr/src/app && make");
        assertThat(v.get(0).message()).contains("WORKDIR /usr/src/app");
        assertThat(v.get(0).position().column()).isEqualTo(5);
    }
}
