package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0028Test {

    private final DD0028 rule = new DD0028();

    @Test
    void catches() {
        assertCatches(rule, "RUN chmod u+s /usr/local/bin/backup");
        assertCatches(rule, "RUN chmod +s /usr/bin/ping");
        assertCatches(rule, "RUN chmod 4755 /usr/local/bin/su-exec");
        assertCatches(rule, "RUN chmod 04755 /usr/local/bin/su-exec");
        assertCatches(rule, "RUN chmod 2755 /usr/local/bin/tool");
        assertCatches(rule, "RUN chmod 6755 /usr/local/bin/tool");
        assertCatches(rule, "RUN chmod a+rwxs /usr/local/bin/tool");
        assertCatches(rule, "RUN chmod u=rwxs,g=rx,o=rx /usr/local/bin/tool");
        assertCatches(rule, "RUN chmod u+x,g+s /usr/local/bin/tool");
        assertCatches(rule, "RUN chmod -v u+s /usr/local/bin/tool");
        assertCatches(rule, "RUN chown root:root /usr/local/bin/gosu && chmod u+s /usr/local/bin/gosu");
        assertCatches(rule, "RUN install -m 4755 build/helper /usr/local/bin/helper");
        assertCatches(rule, "RUN install --mode=6755 build/helper /usr/local/bin/helper");
        assertCatches(rule, "RUN install -o root -m4755 build/helper /usr/local/bin/helper");
        assertCatches(rule, "RUN set -eux; \\\n    chmod \\\n      u+s \\\n      /usr/local/bin/tool");
        assertCatches(rule, "RUN <<EOF\nchmod u+s /usr/local/bin/tool\nEOF");
        assertCatches(rule, "RUN [\"chmod\", \"4755\", \"/usr/local/bin/tool\"]");
        assertCatches(rule, "RUN sudo chmod u+s /usr/local/bin/tool");
        assertCatches(rule, "COPY --chmod=4755 helper /usr/local/bin/helper");
        assertCatches(rule, "ADD --chmod=u+s,a+rx helper /usr/local/bin/helper");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN chmod 755 /usr/local/bin/app");
        assertPasses(rule, "RUN chmod 0755 /usr/local/bin/app");
        assertPasses(rule, "RUN chmod +x /usr/local/bin/docker-entrypoint.sh");
        assertPasses(rule, "RUN chmod u+rwx,g+rx,o+rx /usr/local/bin/app");
        assertPasses(rule, "RUN chmod 1777 /tmp");                                      // sticky bit
        assertPasses(rule, "RUN chmod +t /shared");
        assertPasses(rule, "RUN chmod o+s /usr/local/bin/app");                        // sets nothing
        // removing the bits is what the CIS benchmark asks for
        assertPasses(rule, "RUN chmod u-s /usr/bin/passwd");
        assertPasses(rule, "RUN chmod a-s /usr/bin/chfn /usr/bin/chsh");
        assertPasses(rule, "RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true");
        assertPasses(rule, "RUN install -m 0755 build/app /usr/local/bin/app");
        assertPasses(rule, "RUN install -d -m 0755 /etc/apt/keyrings");
        assertPasses(rule, "RUN chmod --reference=/bin/ls /usr/local/bin/app");
        assertPasses(rule, "RUN echo 'chmod u+s /bin/sh' > /notes");
        assertPasses(rule, "COPY --chmod=755 app /usr/local/bin/app");
        assertPasses(rule, "COPY --chmod=0644 config.yml /etc/app/");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN chmod u+s tool");
    }

    @Test
    void messagesNameTheBitsAndFiles() {
        assertThat(lint(rule, "RUN chmod 6755 /usr/local/bin/a /usr/local/bin/b").get(0).message())
                .isEqualTo("chmod 6755 sets the setuid and setgid bit on /usr/local/bin/a, /usr/local/bin/b: the "
                        + "program runs with its owner's rights for any user");
        assertThat(lint(rule, "RUN install -m 2755 a /usr/local/bin/a").get(0).message())
                .startsWith("install 2755 sets the setgid bit on /usr/local/bin/a");
        assertThat(lint(rule, "COPY --chmod=4755 helper /usr/local/bin/").get(0).message())
                .startsWith("COPY --chmod=4755 sets the setuid bit on helper");
        Violation v = lint(rule, "RUN set -e; chmod u+s /x").get(0);
        assertThat(v.position().column()).isEqualTo(13);
    }

    @Test
    void specialBits() {
        assertThat(DD0028.specialBits("4755")).isEqualTo("setuid");
        assertThat(DD0028.specialBits("2775")).isEqualTo("setgid");
        assertThat(DD0028.specialBits("06755")).isEqualTo("setuid and setgid");
        assertThat(DD0028.specialBits("1777")).isEmpty();
        assertThat(DD0028.specialBits("755")).isEmpty();
        assertThat(DD0028.specialBits("g+s")).isEqualTo("setgid");
        assertThat(DD0028.specialBits("ug+s")).isEqualTo("setuid and setgid");
        assertThat(DD0028.specialBits("+s")).isEqualTo("setuid and setgid");
        assertThat(DD0028.specialBits("u-s")).isEmpty();
        assertThat(DD0028.specialBits("u=rwx,go=rx")).isEmpty();
    }
}
