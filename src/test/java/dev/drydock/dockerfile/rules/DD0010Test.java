package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0010Test {

    private final DD0010 rule = new DD0010();

    @Test
    void catches() {
        assertCatches(rule, "RUN chmod 777 /app");
        assertCatches(rule, "RUN chmod -R 777 /var/www/html");
        assertCatches(rule, "RUN chmod 666 /var/run/docker.sock");
        assertCatches(rule, "RUN chmod 0777 /data");
        assertCatches(rule, "RUN chmod 772 /data");                                  // others: -w-
        assertCatches(rule, "RUN chmod 2777 /srv/shared");                           // setgid, not sticky
        assertCatches(rule, "RUN chmod o+w /app/config.yml");
        assertCatches(rule, "RUN chmod a+rwx /opt/app");
        assertCatches(rule, "RUN chmod -R ugo+rw /app/storage");
        assertCatches(rule, "RUN chmod u+x,o+w /entrypoint.sh");
        assertCatches(rule, "RUN chmod o=rwx /cache");
        assertCatches(rule, "RUN mkdir -p -m 777 /app/logs");
        assertCatches(rule, "RUN install -d -m 0777 /run/app");
        assertCatches(rule, "RUN chown -R www-data /var/www && chmod -R 777 /var/www/storage /var/www/bootstrap/cache");
        assertCatches(rule, "RUN find /app -type d -exec chmod 777 {} +");
        assertCatches(rule, "RUN sudo chmod 777 /opt");
        assertCatches(rule, "COPY --chmod=777 entrypoint.sh /");
        assertCatches(rule, "ADD --chmod=666 config.yml /etc/app/");
        assertCatches(rule, "RUN <<EOF\nset -e\nchmod 777 /app\nEOF");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN chmod 755 /app");
        assertPasses(rule, "RUN chmod -R 775 /app");                                 // group write only
        assertPasses(rule, "RUN chmod 644 /etc/app.conf");
        assertPasses(rule, "RUN chmod 1777 /tmp");                                   // sticky: the /tmp idiom
        assertPasses(rule, "RUN chmod a+rwxt /scratch");
        assertPasses(rule, "RUN chmod +x /entrypoint.sh");
        assertPasses(rule, "RUN chmod +w /app/config");                              // umask applies
        assertPasses(rule, "RUN chmod o-w /app");
        assertPasses(rule, "RUN chmod a-w,u+w /app");
        assertPasses(rule, "RUN chmod go-rwx /root/.ssh");
        assertPasses(rule, "RUN chmod --reference=/etc/passwd /etc/app");
        assertPasses(rule, "RUN echo 'chmod 777 /app' >> /notes");
        assertPasses(rule, "RUN mkdir -p /app/logs");
        assertPasses(rule, "COPY --chmod=755 entrypoint.sh /");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN chmod 777 C:/x");
    }

    @Test
    void messageNamesModeTargetsAndRecursion() {
        var v = assertCatches(rule, "RUN chmod -R 777 /var/www/storage /var/www/cache");
        assertThat(v.get(0).message()).isEqualTo("`chmod -R 777` makes /var/www/storage /var/www/cache and everything "
                + "below it world-writable");
        assertThat(assertCatches(rule, "COPY --chmod=777 a /a").get(0).message()).contains("--chmod=777");
    }
}
