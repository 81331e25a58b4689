package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3011Test {

    private final DL3011 rule = new DL3011();

    @Test
    void catches() {
        assertCatches(rule, "EXPOSE 80000");
        assertCatches(rule, "EXPOSE 65536");
        assertCatches(rule, "EXPOSE 80 443 80800");
        assertCatches(rule, "EXPOSE 40000-80000");
        assertCatches(rule, "EXPOSE 65536/udp");
        assertCatches(rule, "EXPOSE 99999999999");
        assertCatches(rule, "EXPOSE 8000-7000");      // backwards range
        assertCatches(rule, "EXPOSE http");           // not a number
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "EXPOSE 65535");
        assertPasses(rule, "EXPOSE 0");
        assertPasses(rule, "EXPOSE 80 443");
        assertPasses(rule, "EXPOSE 53/udp 53/tcp");
        assertPasses(rule, "EXPOSE 8000-8010");
        assertPasses(rule, "EXPOSE 8000-8010/tcp");
        assertPasses(rule, "EXPOSE $PORT");
        assertPasses(rule, "EXPOSE ${PORT:-8080}/tcp");
    }

    @Test
    void pointsAtTheBadPort() {
        var v = assertCatches(rule, "EXPOSE 80 70000/tcp");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`70000/tcp`").contains("70000");
        assertThat(v.get(0).position().column()).isEqualTo(11);
    }
}
