package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3020Test {

    private final DL3020 rule = new DL3020();

    @Test
    void catches() {
        assertCatches(rule, "ADD file /usr/src/app/");
        assertCatches(rule, "ADD . /app");
        assertCatches(rule, "ADD --chown=node:node package.json package-lock.json ./");
        assertCatches(rule, "ADD [\"requirements.txt\", \"/app/\"]");
        assertCatches(rule, "ADD app.tar.gz config.yml /opt/");                // one plain file is enough
        assertCatches(rule, "ADD release.zip /tmp/");                          // ADD does not unpack zip files
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "ADD http://www.example.com/foo.tar.gz /usr/src/app/");
        assertPasses(rule, "ADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu");
        assertPasses(rule, "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
                + "https://example.com/app.bin /app");
        assertPasses(rule, "ADD git@github.com:moby/buildkit.git /src");
        assertPasses(rule, "ADD https://github.com/moby/buildkit.git#v0.13.0 /src");
        assertPasses(rule, "ADD rootfs.tar.xz /");
        assertPasses(rule, "ADD file.tar /usr/src/app/");
        assertPasses(rule, "ADD file.tar.gz file.tgz file.tar.bz2 /usr/src/app/");
        assertPasses(rule, "COPY file /usr/src/app/");
    }

    @Test
    void fixRewritesAddToCopy() {
        assertThat(RuleTester.fixed(rule, "ADD --chown=app:app src/ /app/src/\n"))
                .isEqualTo("COPY --chown=app:app src/ /app/src/\n");
        assertThat(RuleTester.fixed(rule, "ONBUILD ADD . /app/src\n")).isEqualTo("ONBUILD COPY . /app/src\n");
        assertThat(RuleTester.fixed(rule, "add requirements.txt /app/\n"))
                .isEqualTo("copy requirements.txt /app/\n");
    }

    @Test
    void noFixWhenAddDoesMore() {
        assertThat(assertCatches(rule, "ADD app.tar.gz config.yml /opt/").get(0).fixes()).isEmpty();   // would stop unpacking
        assertThat(assertCatches(rule, "ADD --keep-git-dir=true . /src").get(0).fixes()).isEmpty();   // ADD-only flag
        assertThat(assertCatches(rule, "FROM debian:12\nARG SRC=app\nADD $SRC /app/").get(0).fixes()).isEmpty();
    }
}
