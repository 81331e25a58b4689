package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3001Test {

    private final DL3001 rule = new DL3001();

    @Test
    void catches() {
        assertCatches(rule, "RUN top");
        assertCatches(rule, "RUN sudo vim /etc/hosts");
        assertCatches(rule, "RUN service nginx start");
        assertCatches(rule, "RUN apt-get update && apt-get install -y nano && nano /etc/motd");
        assertCatches(rule, "RUN ssh git@github.com");
        assertCatches(rule, "RUN /sbin/ifconfig eth0");
        assertCatches(rule, "RUN ps aux | grep java");
        assertCatches(rule, "RUN mount -t tmpfs none /mnt");
        assertCatches(rule, "RUN free -m");
        assertCatches(rule, "RUN shutdown -h now");
        assertCatches(rule, "RUN kill -9 1");
        assertCatches(rule, "RUN [\"service\", \"mysql\", \"start\"]");
        assertCatches(rule, "RUN set -e; \\\n    mysqld & sleep 5; \\\n    kill %1");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN apt-get install -y openssh-client vim procps");  // installing, not running
        assertPasses(rule, "RUN echo \"run top to see load\"");                   // inside a string
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt");
        assertPasses(rule, "RUN pkill -f gunicorn || true");
        assertPasses(rule, "CMD [\"top\"]");
        assertPasses(rule, "RUN topgrade --version");
    }

    @Test
    void namesEveryCommandOnce() {
        var v = assertCatches(rule, "RUN ps aux && top -b -n1 && ps -ef");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`ps`, `top`");
    }

    @Test
    void skipsWindowsShell() {
        assertPasses(rule, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "SHELL [\"powershell\", \"-Command\"]\nRUN kill 1");
    }
}
