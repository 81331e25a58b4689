package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3038Test {

    private final DL3038 rule = new DL3038();

    @Test
    void catches() {
        assertCatches(rule, "RUN dnf install httpd-2.4.24 && dnf clean all");
        assertCatches(rule, "RUN microdnf install httpd-2.4.24 && microdnf clean all");
        assertCatches(rule, "ONBUILD RUN dnf install httpd-2.4.24 && dnf clean all");
        assertCatches(rule, "ONBUILD RUN microdnf install httpd-2.4.24 && microdnf clean all");
        assertCatches(rule, "RUN dnf groupinstall 'Development Tools'");
        assertCatches(rule, "RUN dnf group install 'Development Tools'");
        assertCatches(rule, "RUN dnf module install nodejs:18");
        assertCatches(rule, "RUN dnf localinstall /tmp/app-1.0.rpm");
        assertCatches(rule, "RUN dnf --setopt=install_weak_deps=False install python3-3.11.5");
        assertCatches(rule, "RUN microdnf --nodocs install \\\n      java-17-openjdk-headless-17.0.9");
        assertCatches(rule, "RUN /usr/bin/dnf install jq-1.6");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN dnf install -y httpd-2.4.24 && dnf clean all");
        assertPasses(rule, "RUN microdnf install -y httpd-2.4.24 && microdnf clean all");
        assertPasses(rule, "RUN notdnf install httpd");
        assertPasses(rule, "ONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all");
        assertPasses(rule, "ONBUILD RUN microdnf install -y httpd-2.4.24 && microdnf clean all");
        assertPasses(rule, "ONBUILD RUN notdnf install httpd");
        assertPasses(rule, "RUN dnf -y install httpd-2.4.24");
        assertPasses(rule, "RUN dnf install -qy httpd-2.4.24");
        assertPasses(rule, "RUN dnf --assumeyes install httpd-2.4.24");
        assertPasses(rule, "RUN microdnf -y --nodocs --setopt=install_weak_deps=0 install shadow-utils-4.9");  // ubi-minimal
        assertPasses(rule, "RUN dnf -y module install nodejs:18");
        assertPasses(rule, "RUN dnf makecache && dnf repolist");
        assertPasses(rule, "RUN yum install httpd-2.4.6");                          // DL3030's job
        assertPasses(rule, "RUN echo 'dnf install httpd'");
    }

    @Test
    void fixInsertsYesAfterTheSubcommand() {
        assertThat(RuleTester.fixed(rule, "RUN microdnf install httpd-2.4.24 && microdnf clean all\n"))
                .isEqualTo("RUN microdnf install -y httpd-2.4.24 && microdnf clean all\n");
        assertThat(RuleTester.fixed(rule, "RUN dnf group install 'Development Tools'\n"))
                .isEqualTo("RUN dnf group install -y 'Development Tools'\n");
        assertThat(assertCatches(rule, "RUN microdnf install jq-1.6").get(0).message())
                .contains("`microdnf install`");
    }
}
