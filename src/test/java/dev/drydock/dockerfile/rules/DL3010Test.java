package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3010Test {

    private final DL3010 rule = new DL3010();

    @Test
    void catches() {
        assertCatches(rule, "COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar");
        assertCatches(rule, "COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\n"
                + "RUN foo bar && echo something && tar -xf packaged-app.tar");
        assertCatches(rule, "COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar");   // target name counts
        assertCatches(rule, "COPY build\\\\foo\\\\bar.tar.gz \"C:\\\\Program Files\\\\Foo\"\n"
                + "RUN tar -xf \"C:\\\\Program Files\\\\Foo\\\\bar.tar.gz\"");
        assertCatches(rule, "COPY jdk-21_linux-x64_bin.tar.gz /tmp/\n"
                + "RUN tar xzf /tmp/jdk-21_linux-x64_bin.tar.gz -C /opt && rm /tmp/jdk-21_linux-x64_bin.tar.gz");
        assertCatches(rule, "COPY app.tgz /tmp/\nRUN mkdir /app \\\n && tar --extract --file=/tmp/app.tgz -C /app");
        assertCatches(rule, "COPY data.tar.gz /tmp/\nRUN gunzip /tmp/data.tar.gz");
        assertCatches(rule, "COPY rootfs.tar.xz /tmp/\nRUN tar -C / -Jxpf /tmp/rootfs.tar.xz");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "COPY packaged-app.tar /usr/src/app\nFROM debian:11 AS newstage\n"
                + "RUN tar -xf packaged-app.tar");                                     // other stage
        assertPasses(rule, "COPY package.json /usr/src/app");
        assertPasses(rule, "COPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar");
        assertPasses(rule, "COPY app.tar.gz /srv/releases/");                          // copied, never extracted
        assertPasses(rule, "COPY app.tar.gz /tmp/\nRUN tar -czf /tmp/backup.tar.gz /etc");  // tar creating
        assertPasses(rule, "COPY app.tar.gz /tmp/\nRUN tar -tzf /tmp/app.tar.gz");          // only listing
        assertPasses(rule, "COPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt");          // ADD does not unzip
        assertPasses(rule, "COPY app.tar.gz /tmp/\nRUN echo \"tar -xf app.tar.gz\"");
        assertPasses(rule, "RUN tar -xf /opt/other.tar");
    }

    @Test
    void reportsTheCopyOnce() {
        assertCatchesOnLines(rule, "RUN true\nCOPY a.tar b.tar /tmp/\nRUN tar -xf /tmp/a.tar && tar -xf /tmp/b.tar\n"
                + "RUN tar -xf /tmp/a.tar", 2);
        var v = assertCatches(rule, "COPY a.tar /tmp/\nRUN tar -xf /tmp/a.tar");
        assertThat(v.get(0).message()).contains("`a.tar`").contains("`tar`");
    }
}
