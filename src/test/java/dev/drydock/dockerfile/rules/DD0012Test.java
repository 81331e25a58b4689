package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0012Test {

    private static final String SHA = "sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c";

    private final DD0012 rule = new DD0012();

    @Test
    void catches() {
        assertCatches(rule, "ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini");
        assertCatches(rule, "ADD http://archive.example.com/app-1.2.tar.gz /opt/");
        assertCatches(rule, "ADD --chmod=755 https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 "
                + "/usr/local/bin/gosu");
        assertCatches(rule, "ADD [\"https://example.com/a.jar\", \"/opt/app/a.jar\"]");
        assertCatches(rule, "ADD https://example.com/a.txt https://example.com/b.txt /data/");
        assertCatches(rule, "ADD --checksum= https://example.com/a.txt /a.txt");
        assertCatches(rule, "ADD --checksum=md5:0123456789abcdef https://example.com/a.txt /a.txt");
        assertCatches(rule, "ADD https://github.com/moby/buildkit.git#v0.13.2 /src");          // a tag can move
        assertCatches(rule, "ADD https://github.com/moby/buildkit.git /src");
        assertCatches(rule, "ADD git@github.com:moby/buildkit.git#main /src");
        assertCatches(rule, "ADD --keep-git-dir=true https://github.com/moby/buildkit.git#master:docs /docs");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "ADD "
                + "--checksum=" + SHA + " https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini");
        assertPasses(rule, "ADD --checksum=sha512:" + "ab".repeat(64) + " https://example.com/a.tar.gz /a.tar.gz");
        assertPasses(rule, "ADD https://github.com/moby/buildkit.git#4ed2e8d9d4b8fd7a1d8a2c4b0a0d0c3f5e6a7b8c /src");
        assertPasses(rule, "ADD "
                + "https://github.com/moby/buildkit.git#4ed2e8d9d4b8fd7a1d8a2c4b0a0d0c3f5e6a7b8c:docs /docs");
        assertPasses(rule, "ADD app.tar.gz "
                + "/opt/");                                           // local: DL3020's business
        assertPasses(rule, "COPY https-proxy.conf /etc/");
        assertPasses(rule, "RUN curl -fsSLo /tini https://github.com/krallin/tini/releases/download/v0.19.0/tini");
    }

    @Test
    void messagesNameTheSource() {
        var v = assertCatches(rule, "ADD https://example.com/a.jar /opt/a.jar");
        assertThat(v.get(0).message()).contains("`https://example.com/a.jar`").contains("--checksum=sha256:");
        assertThat(v.get(0).position().column()).isEqualTo(5);
        var g = assertCatches(rule, "ADD https://github.com/moby/buildkit.git#v0.13.2 /src");
        assertThat(g.get(0).message()).contains("https://github.com/moby/buildkit.git#<commit sha>");
    }

    /**
     * BuildKit 0.24 / Dockerfile 1.18 git URL queries (docs.docker.com, build context "URL queries"; Dockerfile
     * reference "ADD --checksum": for git sources the checksum is the commit SHA): ref, tag, branch, checksum
     * (alias commit), subdir, keep-git-dir, submodules. A git source is a clone, never a file download.
     */
    @Test
    void gitUrlQueriesAreGitSources() {
        String commit = "05d2d74403d23d99daf70f4eb4fc0ff16cae7f1a";
        // pinned: BuildKit checks the commit the ref resolves to, or the ref is the commit itself
        assertPasses(rule, "ADD https://github.com/moby/buildkit.git?tag=v0.24.0&checksum=" + commit + " /src");
        assertPasses(rule, "ADD https://github.com/moby/buildkit.git?branch=master&commit=" + commit + " /src");
        assertPasses(rule, "ADD https://github.com/moby/buildkit.git?ref=" + commit + "&subdir=docs /docs");
        assertPasses(rule, "ADD --checksum=" + commit.substring(0, 7) + " https://github.com/moby/buildkit.git?tag=v0.24.0 /src");
        assertPasses(rule, "ADD --checksum=" + commit + " git@github.com:moby/buildkit.git#v0.24.0 /src");
        // not pinned: a branch, a tag or a ref name can move
        var branch = assertCatches(rule, "ADD https://github.com/moby/buildkit.git?branch=master /src");
        assertThat(branch.get(0).message()).startsWith("ADD of git repository `https://github.com/moby/buildkit.git"
                + "?branch=master` is not pinned to a commit").doesNotContain("download")
                .contains("`https://github.com/moby/buildkit.git?branch=master&checksum=<commit sha>`");
        assertCatches(rule, "ADD https://github.com/moby/buildkit.git?tag=v0.24.0&subdir=docs /docs");
        assertCatches(rule, "ADD https://github.com/moby/buildkit.git?ref=pull/42/head /src");
        assertCatches(rule, "ADD https://github.com/moby/buildkit.git?tag=v0.24.0&checksum= /src");
        assertCatches(rule, "ADD ssh://git@github.com/moby/buildkit.git?tag=v0.24.0 /src");
        assertCatches(rule, "ADD https://gitlab.com/acme/app.git?keep-git-dir=true /src");
    }
}
