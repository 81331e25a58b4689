package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3031Test {

    private final DL3031 rule = new DL3031();

    @Test
    void catches() {
        assertCatches(rule, "RUN yum update");
        assertCatches(rule, "RUN yum update -y && yum clean all");
        assertCatches(rule, "RUN yum -y upgrade && yum clean all");
        assertCatches(rule, "RUN yum update-to -y");
        assertCatches(rule, "RUN yum upgrade-to -y");
        assertCatches(rule, "ONBUILD RUN yum -y update");
        assertCatches(rule, "RUN yum -y --setopt=tsflags=nodocs update && \\\n    yum -y install httpd-2.4.6 && \\\n"
                + "    yum clean all");                                              // centos httpd image
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN yum install -y httpd-2.4.6 && yum clean all");
        assertPasses(rule, "RUN yum update -y openssl-1.0.2k && yum clean all");   // a targeted update
        assertPasses(rule, "RUN yum check-update || true");
        assertPasses(rule, "RUN dnf upgrade -y");                                  // DL3039's job
        assertPasses(rule, "RUN echo 'yum update' > /etc/motd");
    }

    @Test
    void isInformationOnly() {
        assertThat(rule.info().severity()).isEqualTo(Severity.INFO);
        assertThat(rule.info().rationale()).contains("removed");
        assertThat(assertCatches(rule, "RUN yum -y upgrade").get(0).message()).contains("`yum upgrade`");
    }
}
