package dev.drydock.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFilesAnalyzer;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in files an OS package owns (dpkg's info/*.list): skipped, lowered or reported, as PackageFiles decides. */
class PackageFilesTest {

    static final String GHP = "ghp_" + "Vb6Nm3Tc8Ys5Gf0Je2UaQh7Zr2Lk9Wd4Xp1L";
    static final String AIZA = "AIza" + "kMkwvnlgXpeXni6B-FfGuHRPaGsojwzBMwe";
    static final String KEY = """
            -----BEGIN RSA PRIVATE KEY-----
            MYjLBjkqA8zpPlMgBpcQu08zz5/Xu77lOwCCrX87EY2syj91MMzqPsQXAACkFfe1
            m2B3IRKEmKIeg7bcnGqSVD8j9WcZxbgwAMGpgWDImVf07GIj2PkJKQx4Yf0Hjo2d
            LLutdM1c1vY46EbF5RbG9Rh/kNl0YvPtw4C6tXDAK0d5JGUA6dYcTVBtig+XN2k2
            -----END RSA PRIVATE KEY-----
            """;

    @TempDir
    Path dir;

    @Test
    void packageOwnedFilesAreSkippedLoweredOrReportedAndABuildersRewriteIsReported() throws Exception {
        String list = String.join("\n", "/.", "/etc", "/etc/chromium.d", "/etc/chromium.d/apikeys", "/etc/chromium/server.key",
                "/usr/lib/chromium/keys.py", "/usr/lib/chromium/settings.py", "/opt/chromium/doc/setup.txt",
                "/opt/chromium/tests/creds.py", "") ;
        Path img = TestImages.dockerArchive()
                .layer(TestImages.layer()
                        .file("var/lib/dpkg/info/chromium.list", list)
                        .file("etc/chromium.d/apikeys", "export GOOGLE_API_KEY=\"" + AIZA + "\"\n")
                        .file("etc/chromium/server.key", KEY)
                        .file("usr/lib/chromium/keys.py", "CLIENT_TOKEN = '" + GHP + "'\n")
                        .file("usr/lib/chromium/settings.py", "x = 1\n")
                        .file("opt/chromium/doc/setup.txt", "token: " + GHP + "\n")
                        .file("opt/chromium/tests/creds.py", KEY)
                        .file("etc/app.conf", "github_token=" + GHP + "\n"), "RUN apt-get install -y chromium")
                // the builder's own copy of a package's file: not the package's any more
                .layer(TestImages.layer().file("usr/lib/chromium/settings.py", "TOKEN = '" + GHP + "'\n"), "COPY settings.py /usr/lib/chromium/")
                .writeTo(dir.resolve("img.tar"));
        SecretAnalyzer secrets = new SecretAnalyzer();
        Analysis a = Analysis.of("docker-archive:" + img, null, List.<Analyzer<?>>of(new DpkgFilesAnalyzer(), secrets), null,
                SourceOptions.defaults());
        SecretReport r = SecretReport.of(a, secrets);

        assertThat(r.findings()).extracting(f -> f.severity() + " " + f.rule() + " " + f.path() + " layer " + f.layerIndex()
                        + " " + f.ownedBy())
                .containsExactlyInAnyOrder(
                        "CRITICAL private-key-rsa etc/chromium/server.key layer 0 chromium",
                        "LOW gcp-api-key etc/chromium.d/apikeys layer 0 chromium",
                        "CRITICAL github-pat etc/app.conf layer 0 null",
                        "CRITICAL github-pat usr/lib/chromium/settings.py layer 1 null");
        StringWriter table = new StringWriter();
        r.writeTable(table);
        assertThat(table.toString()).contains("/etc/chromium.d/apikeys:1 (package chromium)").doesNotContain(AIZA);
    }

    @Test
    void documentationTestsAndExamplesAreNotRuntime() {
        SecretRule token = SecretRules.builtIn().rule("github-pat");
        SecretRule key = SecretRules.builtIn().rule("private-key-rsa");
        assertThat(PackageFiles.verdict("usr/share/doc/openssl/demo.txt", key)).isEqualTo(PackageFiles.Verdict.SKIP);
        assertThat(PackageFiles.verdict("usr/lib/python3/dist-packages/foo/tests/keys.py", key)).isEqualTo(PackageFiles.Verdict.SKIP);
        assertThat(PackageFiles.verdict("etc/foo/examples/client.pem", key)).isEqualTo(PackageFiles.Verdict.SKIP);
        assertThat(PackageFiles.verdict("usr/lib/foo/test_auth.py", token)).isEqualTo(PackageFiles.Verdict.SKIP);
        assertThat(PackageFiles.verdict("etc/foo/README.Debian", token)).isEqualTo(PackageFiles.Verdict.SKIP);
        assertThat(PackageFiles.verdict("etc/ssl/private/foo.key", key)).isEqualTo(PackageFiles.Verdict.REPORT);
        assertThat(PackageFiles.verdict("usr/lib/foo/server.pem", key)).isEqualTo(PackageFiles.Verdict.REPORT);
        assertThat(PackageFiles.verdict("etc/foo/foo.conf", token)).isEqualTo(PackageFiles.Verdict.LOWER);
        assertThat(PackageFiles.verdict("usr/lib/foo/config.py", token)).isEqualTo(PackageFiles.Verdict.SKIP);
        // near misses: names that merely contain the words
        assertThat(PackageFiles.verdict("etc/latest/foo.conf", token)).isEqualTo(PackageFiles.Verdict.LOWER);
        assertThat(PackageFiles.verdict("etc/docker/daemon.json", token)).isEqualTo(PackageFiles.Verdict.LOWER);
    }
}
