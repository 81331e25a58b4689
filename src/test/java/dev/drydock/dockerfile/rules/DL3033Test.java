package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3033Test {

    private final DL3033 rule = new DL3033();

    @Test
    void catches() {
        assertCatches(rule, "RUN yum install -y tomcat && yum clean all");
        assertCatches(rule, "ONBUILD RUN yum install -y tomcat && yum clean all");
        assertCatches(rule, "RUN yum module install -y tomcat && yum clean all");
        assertCatches(rule, "ONBUILD RUN yum module install -y tomcat && yum clean all");
        assertCatches(rule, "RUN yum install -y epel-release-7 jq && yum clean all");
        assertCatches(rule, "RUN yum -y --setopt=tsflags=nodocs install httpd && yum clean all");
        assertCatches(rule, "RUN yum --enablerepo epel install -y jq");              // epel is a value
        assertCatches(rule, "RUN yum install -y shadow-utils && yum clean all");  // Hadolint: any dash pins
        assertCatches(rule, "RUN yum -y install \\\n      wget \\\n      tar-1.26 \\\n  && yum clean all");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN yum install -y tomcat-9.2 && yum clean all");
        assertPasses(rule, "RUN bash -c `# not even a yum command`");
        assertPasses(rule, "ONBUILD RUN yum install -y tomcat-9.2 && yum clean all");
        assertPasses(rule, "RUN yum module install -y tomcat:9 && yum clean all");
        assertPasses(rule, "ONBUILD RUN yum module install -y tomcat:9 && yum clean all");
        assertPasses(rule, "RUN yum install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-7.noarch.rpm");
        assertPasses(rule, "RUN yum install -y shadow-utils-4.6 python3-3.6.8 && yum clean all");
        assertPasses(rule, "RUN yum install -y java-17-openjdk-headless");          // limit: reads as pinned
        assertPasses(rule, "RUN yum localinstall -y /tmp/app.rpm");
        assertPasses(rule, "RUN yum install -y /tmp/app.rpm");
        assertPasses(rule, "RUN yum install -y \"$PACKAGES\" && yum clean all");
        assertPasses(rule, "RUN yum groupinstall -y 'Development Tools'");         // groups have no version
        assertPasses(rule, "RUN yum install -y @development");
        assertPasses(rule, "RUN yum module enable -y nodejs:18");
        assertPasses(rule, "RUN yum remove -y tomcat");
        assertPasses(rule, "RUN dnf install -y tomcat");                            // DL3041's job
    }

    @Test
    void namesUnpinnedPackagesAndModules() {
        assertThat(assertCatches(rule, "RUN yum install -y tomcat-9.2 httpd jq").get(0).message())
                .contains("`httpd`, `jq`").doesNotContain("tomcat").contains("httpd-<version>");
        assertThat(assertCatches(rule, "RUN yum module install -y nodejs").get(0).message())
                .contains("`yum module install`").contains("nodejs:<stream>");
    }
}
