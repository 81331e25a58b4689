package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3004Test {

    private final DL3004 rule = new DL3004();

    @Test
    void catches() {
        assertCatches(rule, "RUN sudo apt-get update");
        assertCatches(rule, "RUN apt-get update && sudo apt-get install -y curl");
        assertCatches(rule, "RUN /usr/bin/sudo -u postgres createdb app");
        assertCatches(rule, "RUN echo ok; \\\n    sudo -E make install");
        assertCatches(rule, "RUN [\"sudo\", \"make\", \"install\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get update && apt-get install -y sudo");   // installing sudo, not running it
        assertPasses(rule, "RUN echo \"app ALL=(ALL) NOPASSWD: ALL\" >> /etc/sudoers");
        assertPasses(rule, "RUN echo 'use sudo to become root'");
        assertPasses(rule, "RUN gosu app true");
        assertPasses(rule, "USER root\nRUN apt-get update");
    }
}
