package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DD0018Test {

    private final DD0018 rule = new DD0018();

    @Test
    void catches() {
        assertCatches(rule, "EXPOSE 22");                                  // rastasheep/ubuntu-sshd
        assertCatches(rule, "EXPOSE 22/tcp");
        assertCatches(rule, "EXPOSE 22/udp");
        assertCatches(rule, "EXPOSE 80 443 22");
        assertCatches(rule, "EXPOSE 23");
        assertCatches(rule, "EXPOSE 3389");                                // xrdp images
        assertCatches(rule, "EXPOSE 5900");                                // x11vnc images
        assertCatches(rule, "EXPOSE 5900-5910");
        assertCatches(rule, "EXPOSE 20-25/tcp");
        assertCatches(rule, "EXPOSE 8080 \\\n       22");
        assertCatches(rule, "FROM debian:12-slim\nARG SSH_PORT=22\nEXPOSE $SSH_PORT");
        assertCatches(rule, "ENV SSH_PORT=22\nEXPOSE ${SSH_PORT}/tcp");
        assertCatches(rule, "ONBUILD EXPOSE 22");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "EXPOSE 80 443");
        assertPasses(rule, "EXPOSE 2222");
        assertPasses(rule, "EXPOSE 8022");
        assertPasses(rule, "EXPOSE 220");
        assertPasses(rule, "EXPOSE 122/tcp");
        assertPasses(rule, "EXPOSE 8000-8010");
        assertPasses(rule, "EXPOSE ${PORT:-8080}");
        assertPasses(rule, "EXPOSE $PORT");                                // unknown value
        assertPasses(rule, "LABEL ports=\"22\"");
        assertPasses(rule, "RUN echo 'EXPOSE 22'");
        assertPasses(rule, "ENV SSH_PORT=22");
    }

    @Test
    void reportsEachLoginPortAtItsWord() {
        List<Violation> v = lint(rule, "EXPOSE 8080 22/tcp");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).isEqualTo("EXPOSE 22/tcp opens port 22 (SSH); get a shell with docker exec instead");
        assertThat(v.get(0).position().column()).isEqualTo(13);
        assertThat(lint(rule, "EXPOSE 20-25").stream().map(Violation::message).toList()).containsExactly(
                "EXPOSE 20-25 opens port 22 (SSH); get a shell with docker exec instead",
                "EXPOSE 20-25 opens port 23 (telnet); get a shell with docker exec instead");
        assertThat(lint(rule, "EXPOSE 3389 5900").stream().map(Violation::message).toList())
                .anyMatch(m -> m.contains("(RDP)")).anyMatch(m -> m.contains("(VNC)"));
    }
}
