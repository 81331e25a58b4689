package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3039Test {

    private final DL3039 rule = new DL3039();

    @Test
    void catches() {
        assertCatches(rule, "RUN dnf upgrade");
        assertCatches(rule, "RUN dnf upgrade-minimal -y");
        assertCatches(rule, "RUN dnf -y update && dnf clean all");
        assertCatches(rule, "RUN microdnf update -y && microdnf clean all");          // ubi-minimal pattern
        assertCatches(rule, "RUN dnf -y --refresh upgrade && dnf -y install git-2.39.3");
        assertCatches(rule, "ONBUILD RUN dnf upgrade -y");
        assertCatches(rule, "RUN dnf distro-sync -y");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN dnf install -y openssl-3.0.7");
        assertPasses(rule, "RUN dnf upgrade -y openssl");                              // targeted
        assertPasses(rule, "RUN dnf -y upgrade --refresh curl libcurl");
        assertPasses(rule, "RUN dnf check-update || true");
        assertPasses(rule, "RUN yum update -y");                                       // DL3031's job
        assertPasses(rule, "RUN echo 'dnf upgrade' > /etc/motd");
    }

    @Test
    void isInformationOnly() {
        assertThat(rule.info().severity()).isEqualTo(Severity.INFO);
        assertThat(rule.info().rationale()).contains("removed");
        assertThat(assertCatches(rule, "RUN microdnf update -y").get(0).message()).contains("`microdnf update`");
    }
}
