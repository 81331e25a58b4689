package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3032Test {

    private final DL3032 rule = new DL3032();

    @Test
    void catches() {
        assertCatches(rule, "RUN yum install -y mariadb-10.4");
        assertCatches(rule, "ONBUILD RUN yum install -y mariadb-10.4");
        assertCatches(rule, "RUN yum clean all && yum install -y mariadb-10.4");     // clean before install
        assertCatches(rule, "RUN yum install -y httpd-2.4.6 && yum clean metadata");  // not all
        assertCatches(rule, "RUN yum -y groupinstall 'Development Tools'");
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.cache yum install -y jq-1.6");
        assertCatches(rule, "RUN --mount=type=bind,target=/var/cache/yum yum install -y jq-1.6");
        assertCatches(rule, "RUN yum install -y httpd-2.4.6\nRUN yum clean all");    // later RUN is too late
        assertCatches(rule, "RUN yum install -y gcc-4.8.5 && rm -rf /tmp/*");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN yum install -y mariadb-10.4 && yum clean all");
        assertPasses(rule, "RUN bash -c `# not even a yum command`");
        assertPasses(rule, "ONBUILD RUN yum install -y mariadb-10.4 && yum clean all");
        assertPasses(rule, "RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*");
        assertPasses(rule, "RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/yum yum install -y mariadb-10.4");
        assertPasses(rule, "RUN set -eux; \\\n    yum -y install java-17-openjdk-headless-17.0.9; \\\n"
                + "    yum -y clean all --enablerepo='*'; \\\n    rm -rf /var/cache/yum");
        assertPasses(rule, "RUN yum -y --setopt=tsflags=nodocs update && \\\n"
                + "    yum -y --setopt=tsflags=nodocs install httpd-2.4.6 && \\\n    yum clean all");
        assertPasses(rule, "RUN yum remove -y httpd");
        assertPasses(rule, "RUN dnf install -y httpd-2.4.57");                       // DL3040's job
    }

    @Test
    void reportsOncePerRun() {
        assertCatchesOnLines(rule, "RUN yum install -y a-1 && yum install -y b-2\nRUN yum install -y c-3 && "
                + "yum clean all\nRUN yum install -y d-4", 1, 3);
    }
}
