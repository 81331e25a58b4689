package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3036Test {

    private final DL3036 rule = new DL3036();

    @Test
    void catches() {
        assertCatches(rule, "RUN zypper install -y mariadb=10.4");
        assertCatches(rule, "ONBUILD RUN zypper install -y mariadb=10.4");
        assertCatches(rule, "RUN zypper -n in curl=8.6.0");
        assertCatches(rule, "RUN <<EOF\nzypper -n in curl=8.6.0\nEOF");
        assertCatches(rule, "RUN zypper clean && zypper -n in curl=8.6.0");          // clean before install
        assertCatches(rule, "RUN zypper -n in curl=8.6.0 && rm -rf /tmp/*");
        assertCatches(rule, "RUN --mount=type=cache,target=/var/cache/apt zypper -n in curl=8.6.0");
        assertCatches(rule, "RUN zypper --non-interactive install --no-recommends \\\n      python311=3.11.9 \\\n"
                + "    && zypper ref");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN zypper install -y mariadb=10.4 && zypper clean");
        assertPasses(rule, "RUN zypper install -y mariadb=10.4 && zypper cc");
        assertPasses(rule, "ONBUILD RUN zypper install -y mariadb=10.4 && zypper clean");
        assertPasses(rule, "ONBUILD RUN zypper install -y mariadb=10.4 && zypper cc");
        assertPasses(rule, "RUN zypper -n in curl=8.6.0 && zypper clean --all");
        assertPasses(rule, "RUN zypper -n in curl=8.6.0 && zypper -n cc -a");
        assertPasses(rule, "RUN zypper -n in curl=8.6.0 && rm -rf /var/cache/zypp/*");
        assertPasses(rule, "RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6.0");
        assertPasses(rule, "RUN zypper -n rm vim");                                  // removal fills no cache
        assertPasses(rule, "RUN yum install -y httpd-2.4.6");
    }
}
