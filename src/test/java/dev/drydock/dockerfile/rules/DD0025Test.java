package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0025Test {

    private final DD0025 rule = new DD0025();

    @Test
    void catches() {
        assertCatches(rule, "RUN curl -fsSL https://download.docker.com/linux/debian/gpg | apt-key add -");
        assertCatches(rule, "RUN wget -qO - https://packages.cloud.google.com/apt/doc/apt-key.gpg | sudo apt-key add -");
        assertCatches(rule, "RUN apt-key adv --keyserver hkp://keyserver.ubuntu.com:80 --recv-keys "
                + "0xB1998361219BD9C9");
        assertCatches(rule, "RUN apt-key --keyring /etc/apt/trusted.gpg.d/pgdg.gpg add /tmp/ACCC4CF8.asc");
        assertCatches(rule, "RUN apt-key add /tmp/key.asc && rm /tmp/key.asc");
        assertCatches(rule, "RUN set -eux; \\\n    curl -fsSL https://deb.nodesource.com/gpgkey/nodesource.gpg.key \\\n"
                + "      | apt-key add - \\\n    && apt-get update");
        assertCatches(rule, "RUN <<EOF\ncurl -fsSL https://x.example.com/key | apt-key add -\nEOF");
        assertCatches(rule, "RUN [\"apt-key\", \"add\", \"/tmp/key.asc\"]");
        assertCatches(rule, "RUN sh -c 'curl -fsSL https://x.example.com/key | apt-key add -'");
        assertCatches(rule, "ONBUILD RUN apt-key add /tmp/key.asc");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-key list");
        assertPasses(rule, "RUN apt-key del 7FA2AF80");
        assertPasses(rule, "RUN apt-key export 7FA2AF80 | gpg --dearmour -o /etc/apt/keyrings/cuda.gpg");  // migration
        assertPasses(rule, "RUN echo 'apt-key add is deprecated' > /notes");
        assertPasses(rule, "RUN curl -fsSL https://download.docker.com/linux/debian/gpg "
                + "| gpg --dearmor -o /etc/apt/keyrings/docker.gpg");
        assertPasses(rule, "RUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B1998361219BD9C9");
        assertPasses(rule, "RUN apt-get install -y --no-install-recommends gnupg");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN apt-key add key.asc");
    }

    @Test
    void messageAndPosition() {
        Violation v = lint(rule, "RUN curl -fsSL https://x.example.com/key | apt-key adv --import -").get(0);
        assertThat(v.message()).isEqualTo("apt-key adv trusts the key for every repository and is deprecated; put it "
                + "in /etc/apt/keyrings/ and use signed-by=");
        assertThat(v.position().line()).isEqualTo(2);
        assertThat(v.position().column()).isEqualTo(44);
    }
}
