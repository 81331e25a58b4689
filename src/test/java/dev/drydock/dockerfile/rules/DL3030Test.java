package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3030Test {

    private final DL3030 rule = new DL3030();

    @Test
    void catches() {
        assertCatches(rule, "RUN yum install httpd-2.4.24 && yum clean all");
        assertCatches(rule, "ONBUILD RUN yum install httpd-2.4.24 && yum clean all");
        assertCatches(rule, "RUN yum groupinstall \"Development Tools\"");
        assertCatches(rule, "RUN yum localinstall /tmp/epel-release-7.noarch.rpm");
        assertCatches(rule, "RUN yum module install nodejs:18");
        assertCatches(rule, "RUN yum group install \"Development Tools\"");
        assertCatches(rule, "RUN yum -q install httpd-2.4.6");                    // -q is not -y
        assertCatches(rule, "RUN yum --enablerepo epel install jq-1.6");          // value skipped, still install
        assertCatches(rule, "RUN yum update -y && \\\n    yum install \\\n      httpd-2.4.6 && \\\n    yum clean all");
        assertCatches(rule, "RUN sudo yum install httpd-2.4.6");
        assertCatches(rule, "RUN <<EOF\nset -e\nyum install httpd-2.4.6\nyum clean all\nEOF");
        assertCatches(rule, "RUN [\"yum\", \"install\", \"httpd-2.4.6\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN yum install -y httpd-2.4.24 && yum clean all");
        assertPasses(rule, "RUN bash -c `# not even a yum command`");
        assertPasses(rule, "RUN yum -y install httpd-2.4.6");
        assertPasses(rule, "RUN yum install -qy httpd-2.4.6");                    // cluster
        assertPasses(rule, "RUN yum install --assumeyes httpd-2.4.6");
        assertPasses(rule, "RUN yum --setopt=assumeyes=1 install httpd-2.4.6");
        assertPasses(rule, "RUN yum -y groupinstall \"Development Tools\"");
        assertPasses(rule, "RUN yum -y module install nodejs:18");
        assertPasses(rule, "RUN yum -y --setopt=tsflags=nodocs install httpd-2.4.6 && yum clean all"); // centos:7
        assertPasses(rule, "RUN yum makecache && yum list installed");
        assertPasses(rule, "RUN yum remove httpd");                                // remove is not install
        assertPasses(rule, "RUN dnf install httpd-2.4.57");                        // DL3038's job
        assertPasses(rule, "RUN echo 'yum install httpd' >> /notes.txt");
        assertPasses(rule, "RUN [\"yum\", \"install\", \"-y\", \"httpd-2.4.6\"]");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN yum install httpd-2.4.6");
    }

    @Test
    void messageNamesTheSubcommand() {
        assertThat(assertCatches(rule, "RUN yum groupinstall 'Development Tools'").get(0).message())
                .contains("`yum groupinstall`");
        assertThat(assertCatches(rule, "RUN yum module install nodejs:18").get(0).message())
                .contains("`yum install`");
    }

    @Test
    void fixInsertsYesAfterTheSubcommand() {
        assertThat(RuleTester.fixed(rule, "RUN yum install httpd-2.4.6 && yum clean all\n"))
                .isEqualTo("RUN yum install -y httpd-2.4.6 && yum clean all\n");
        assertThat(RuleTester.fixed(rule, "RUN yum groupinstall \"Development Tools\"\n"))
                .isEqualTo("RUN yum groupinstall -y \"Development Tools\"\n");
        assertThat(RuleTester.fixed(rule, "RUN yum module install nodejs:18\n"))
                .isEqualTo("RUN yum module install -y nodejs:18\n");
        assertThat(RuleTester.fixed(rule, "RUN yum \\\n    install \\\n    jq-1.6\n"))
                .isEqualTo("RUN yum \\\n    install -y \\\n    jq-1.6\n");
    }
}
