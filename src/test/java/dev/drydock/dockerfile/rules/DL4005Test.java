package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL4005Test {

    private final DL4005 rule = new DL4005();

    @Test
    void hadolintSpec() {
        assertCatches(rule, "RUN ln -sfv /bin/bash /bin/sh");
        assertCatches(rule, "ONBUILD RUN ln -sfv /bin/bash /bin/sh");
        assertPasses(rule, "RUN ln -sf /bin/true /sbin/initctl");
        assertPasses(rule, "ONBUILD RUN ln -sf /bin/true /sbin/initctl");
        assertPasses(rule, "RUN ln -s foo bar && unrelated && something_with /bin/sh");
        assertPasses(rule, "ONBUILD RUN ln -s foo bar && unrelated && something_with /bin/sh");
    }

    @Test
    void catchesRealWorld() {
        assertCatches(rule, "RUN rm /bin/sh && ln -s /bin/bash /bin/sh");
        assertCatches(rule, "RUN apt-get update \\\n && ln -sf bash /bin/sh \\\n && echo done");
        assertCatches(rule, "RUN [\"ln\", \"-sf\", \"/bin/bash\", \"/bin/sh\"]");
        assertCatches(rule, "RUN set -eux; \\\n    if [ -x /bin/bash ]; then ln -sf /bin/bash /bin/sh; fi");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "SHELL [\"/bin/bash\", \"-c\"]\nRUN echo hi");
        assertPasses(rule, "RUN echo 'ln -sf /bin/bash /bin/sh' > /notes.txt");
        assertPasses(rule, "RUN ln -sf /usr/share/zoneinfo/UTC /etc/localtime");
        assertPasses(rule, "SHELL [\"cmd\", \"/S\", \"/C\"]\nRUN ln /bin/sh x");
    }

    @Test
    void messageShowsTheCommand() {
        var v = assertCatches(rule, "RUN ln -sf /bin/bash /bin/sh");
        assertThat(v.get(0).message()).isEqualTo("Use SHELL to change the default shell instead of `ln -sf "
                + "/bin/bash /bin/sh`");
        assertThat(v.get(0).position().column()).isEqualTo(5);
    }
}
