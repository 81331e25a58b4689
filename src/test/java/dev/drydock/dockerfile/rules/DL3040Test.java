package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3040Test {

    private final DL3040 rule = new DL3040();

    @Test
    void catches() {
        assertCatches(rule, "RUN dnf install -y mariadb-10.4");
        assertCatches(rule, "RUN microdnf install -y mariadb-10.4");
        assertCatches(rule, "ONBUILD RUN dnf install -y mariadb-10.4");
        assertCatches(rule, "ONBUILD RUN dnf install -y mariadb-10.4 && microdnf clean all");  // other tool
        assertCatches(rule, "ONBUILD RUN microdnf install -y mariadb-10.4");
        assertCatches(rule, "RUN dnf clean all && dnf install -y mariadb-10.4");        // clean before install
        assertCatches(rule, "RUN dnf install -y mariadb-10.4 && dnf clean packages");
        assertCatches(rule, "RUN dnf -y module install nodejs:18");
        assertCatches(rule, "RUN <<EOF\ndnf install -y nginx-1.24.0\nEOF");
        assertCatches(rule, "RUN [\"microdnf\", \"install\", \"-y\", \"nginx-1.24.0\"]");
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.npm dnf install -y npm-10.2");
        assertCatches(rule, "RUN microdnf -y --nodocs install shadow-utils-4.9 && \\\n"
                + "    microdnf -y reinstall tzdata");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN dnf install -y mariadb-10.4 && dnf clean all");
        assertPasses(rule, "RUN microdnf install -y mariadb-10.4 && microdnf clean all");
        assertPasses(rule, "RUN notdnf install mariadb");
        assertPasses(rule, "ONBUILD RUN dnf install -y mariadb-10.4 && dnf clean all");
        assertPasses(rule, "ONBUILD RUN microdnf install -y mariadb-10.4 && microdnf clean all");
        assertPasses(rule, "ONBUILD RUN notdnf install mariadb");
        assertPasses(rule, "RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*");
        assertPasses(rule, "RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*");
        assertPasses(rule, "ONBUILD RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*");
        assertPasses(rule, "ONBUILD RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*");
        assertPasses(rule, "RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/dnf");
        assertPasses(rule, "RUN dnf5 install -y x || true; dnf install -y mariadb-10.4 && rm -rf /var/cache/libdnf5");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/dnf dnf install -y mariadb-10.4");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4");
        assertPasses(rule, "RUN microdnf install -y mariadb-10.4 && dnf install -y git-2.39 && \\\n"
                + "    microdnf clean all && dnf clean all");
        assertPasses(rule, "RUN dnf -y remove mariadb");
        assertPasses(rule, "RUN <<EOF\ndnf install -y nginx-1.24.0\ndnf clean all\nEOF");
        assertPasses(rule, "RUN echo 'dnf install -y nginx' > /README");
        assertPasses(rule, "RUN yum install -y mariadb-10.4");                          // DL3032's job
    }

    @Test
    void messageNamesTheTool() {
        assertThat(assertCatches(rule, "RUN microdnf install -y jq-1.6").get(0).message())
                .contains("`microdnf clean all`");
    }
}
