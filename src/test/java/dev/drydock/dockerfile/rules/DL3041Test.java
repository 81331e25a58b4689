package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3041Test {

    private final DL3041 rule = new DL3041();

    @Test
    void catches() {
        assertCatches(rule, "RUN dnf install -y tomcat && dnf clean all");
        assertCatches(rule, "RUN microdnf install -y tomcat && microdnf clean all");
        assertCatches(rule, "ONBUILD RUN dnf install -y tomcat && dnf clean all");
        assertCatches(rule, "RUN dnf module install -y tomcat && dnf clean all");
        assertCatches(rule, "RUN microdnf module install -y tomcat && microdnf clean all");
        assertCatches(rule, "ONBUILD RUN dnf module install -y tomcat && dnf clean all");
        assertCatches(rule, "RUN microdnf install -y --nodocs --setopt=install_weak_deps=0 \\\n"
                + "      shadow-utils tar-1.34 && microdnf clean all");
        assertCatches(rule, "RUN dnf --enablerepo crb install -y ninja-build gcc");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN dnf install -y tomcat-9.0.1 && dnf clean all");
        assertPasses(rule, "RUN microdnf install -y tomcat-9.0.1 && microdnf clean all");
        assertPasses(rule, "RUN notdnf install tomcat");
        assertPasses(rule, "ONBUILD RUN dnf install -y tomcat-9.0.1 && dnf clean all");
        assertPasses(rule, "ONBUILD RUN microdnf install -y tomcat-9.0.1 && microdnf clean all");
        assertPasses(rule, "ONBUILD RUN notdnf install tomcat");
        assertPasses(rule, "RUN dnf module install -y tomcat:9 && dnf clean all");
        assertPasses(rule, "RUN microdnf module install -y tomcat:9 && microdnf clean all");
        assertPasses(rule, "RUN notdnf module install tomcat");
        assertPasses(rule, "ONBUILD RUN dnf module install -y tomcat:9 && dnf clean all");
        assertPasses(rule, "ONBUILD RUN microdnf module install -y tomcat:9 && microdnf clean all");
        assertPasses(rule, "ONBUILD RUN notdnf module install tomcat");
        assertPasses(rule, "RUN dnf install -y https://download.example.com/app-1.2.3.x86_64.rpm");
        assertPasses(rule, "RUN dnf install -y @development-tools");
        assertPasses(rule, "RUN dnf groupinstall -y 'Development Tools'");
        assertPasses(rule, "RUN dnf module enable -y nodejs:20 && dnf module disable -y php");
        assertPasses(rule, "RUN dnf install -y ${PACKAGES}");
        assertPasses(rule, "RUN yum install -y tomcat");                              // DL3033's job
    }

    @Test
    void namesUnpinnedPackages() {
        assertThat(assertCatches(rule, "RUN microdnf install -y jq tar-1.34 gzip").get(0).message())
                .contains("`microdnf install`").contains("`jq`, `gzip`").doesNotContain("tar");
    }
}
