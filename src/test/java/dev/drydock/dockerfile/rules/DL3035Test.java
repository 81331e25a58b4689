package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3035Test {

    private final DL3035 rule = new DL3035();

    @Test
    void catches() {
        assertCatches(rule, "RUN zypper dist-upgrade");
        assertCatches(rule, "RUN zypper dup");
        assertCatches(rule, "ONBUILD RUN zypper dist-upgrade");
        assertCatches(rule, "ONBUILD RUN zypper dup");
        assertCatches(rule, "RUN zypper --non-interactive dup --no-recommends && zypper clean --all");
        assertCatches(rule, "RUN zypper -n ref && \\\n    zypper -n dist-upgrade -l");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN zypper -n update openssl");
        assertPasses(rule, "RUN zypper -n install dup-finder=1.0");                // a package named dup…
        assertPasses(rule, "RUN zypper -n install -y dup");                        // …or even dup itself
        assertPasses(rule, "RUN apt-get dist-upgrade -y");                         // DL3005 territory
        assertPasses(rule, "RUN echo 'zypper dup'");
    }

    @Test
    void messageNamesTheSubcommand() {
        assertThat(assertCatches(rule, "RUN zypper -n dup").get(0).message()).contains("`zypper dup`");
    }
}
