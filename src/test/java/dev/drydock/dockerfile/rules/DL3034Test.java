package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3034Test {

    private final DL3034 rule = new DL3034();

    @Test
    void catches() {
        assertCatches(rule, "RUN zypper install httpd=2.4.24 && zypper clean");
        assertCatches(rule, "ONBUILD RUN zypper install httpd=2.4.24 && zypper clean");
        assertCatches(rule, "RUN zypper in curl=8.6.0");
        assertCatches(rule, "RUN zypper remove vim");
        assertCatches(rule, "RUN zypper rm vim");
        assertCatches(rule, "RUN zypper source-install bash");
        assertCatches(rule, "RUN zypper si bash");
        assertCatches(rule, "RUN zypper patch");
        assertCatches(rule, "RUN zypper --quiet install --no-recommends curl=8.6.0");
        assertCatches(rule, "RUN zypper refresh && \\\n    zypper install \\\n      curl=8.6.0");
        // Hadolint accepts this, but after the subcommand -n is install's --name: zypper still asks
        assertCatches(rule, "RUN zypper install -n httpd=2.4.24 && zypper clean");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN zypper install --non-interactive httpd=2.4.24 && zypper clean");
        assertPasses(rule, "RUN zypper install -y httpd=2.4.24 && zypper clean");
        assertPasses(rule, "RUN zypper install --no-confirm httpd=2.4.24 && zypper clean");
        assertPasses(rule, "ONBUILD RUN zypper install -y httpd=2.4.24 && zypper clean");
        assertPasses(rule, "RUN zypper -n install httpd=2.4.24 && zypper clean");
        assertPasses(rule, "RUN zypper --non-interactive install --no-recommends curl=8.6.0 && zypper clean --all");
        assertPasses(rule, "RUN zypper -qn in curl=8.6.0");                      // cluster of global options
        assertPasses(rule, "RUN zypper --gpg-auto-import-keys -n ref && zypper -n in -l curl=8.6.0"); // opensuse images
        assertPasses(rule, "RUN zypper refresh");
        assertPasses(rule, "RUN zypper search curl");
        assertPasses(rule, "RUN echo 'zypper install curl'");
    }

    @Test
    void fixInsertsNoConfirmAfterTheSubcommand() {
        assertThat(RuleTester.fixed(rule, "RUN zypper install curl=8.6.0 && zypper clean\n"))
                .isEqualTo("RUN zypper install -y curl=8.6.0 && zypper clean\n");
        assertThat(RuleTester.fixed(rule, "RUN zypper rm vim\n")).isEqualTo("RUN zypper rm -y vim\n");
        assertThat(assertCatches(rule, "RUN zypper rm vim").get(0).message()).contains("`zypper rm`");
    }
}
