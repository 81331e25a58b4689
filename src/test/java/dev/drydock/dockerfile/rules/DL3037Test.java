package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3037Test {

    private final DL3037 rule = new DL3037();

    @Test
    void catches() {
        assertCatches(rule, "RUN zypper install -y tomcat && zypper clean");
        assertCatches(rule, "ONBUILD RUN zypper install -y tomcat && zypper clean");
        assertCatches(rule, "RUN zypper -n in curl gzip=1.12 && zypper clean");
        assertCatches(rule, "RUN zypper --non-interactive install --no-recommends \\\n      python311 \\\n"
                + "      python311-pip=23.3 \\\n  && zypper clean --all");
        assertCatches(rule, "RUN zypper -n in -t package curl");
        assertCatches(rule, "RUN zypper -n install --from repo-oss curl");           // repo-oss is a value
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN zypper install -y tomcat=9.0.39 && zypper clean");
        assertPasses(rule, "RUN zypper install -y tomcat\\>=9.0 && zypper clean");
        assertPasses(rule, "RUN zypper install -y tomcat\\>9.0 && zypper clean");
        assertPasses(rule, "RUN zypper install -y tomcat\\<=9.0 && zypper clean");
        assertPasses(rule, "RUN zypper install -y tomcat\\<9.0 && zypper clean");
        assertPasses(rule, "RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean");
        assertPasses(rule, "ONBUILD RUN zypper install -y tomcat=9.0.39 && zypper clean");
        assertPasses(rule, "ONBUILD RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean");
        assertPasses(rule, "RUN zypper install -y 'tomcat>=9.0' && zypper clean");
        assertPasses(rule, "RUN zypper -n in -t pattern devel_basis && zypper clean");   // patterns: no version
        assertPasses(rule, "RUN zypper -n in \"$PKGS\" && zypper clean");
        assertPasses(rule, "RUN zypper -n rm tomcat");
        assertPasses(rule, "RUN zypper -n ref");
    }

    @Test
    void namesUnpinnedPackages() {
        assertThat(assertCatches(rule, "RUN zypper -n in curl gzip=1.12 tar").get(0).message())
                .contains("`curl`, `tar`").doesNotContain("gzip").contains("curl=<version>");
    }
}
