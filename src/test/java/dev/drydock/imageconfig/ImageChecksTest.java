package dev.drydock.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check on small inputs made for it: what it catches, and the near misses it does not. */
class ImageChecksTest {

    // random, fake, shaped like the real thing (as in SecretReportTest)
    static final String GHP = "ghp_" + "Vb6Nm3Tc8Ys5Gf0Je2UaQh7Zr2Lk9Wd4Xp1L";
    static final String AWS_SECRET = "Zx9Lp2Qw7Er4Ty1Ui8Op3As6Df5Gh0Jk2Lz7Xc4V";
    /** Shaped like the yescrypt hash Debian 12's passwd(1) writes; made up for the test. */
    static final String HASH = "$y$j9T$lJ9rVq2hFhB3oS1mLkV8h.$8Kc2kq0gmCqJ5fX0v1bO8x5V9cYp0b4d1N1zY3D9cW6";

    static List<String> titles(List<Finding> f) {
        return f.stream().map(Finding::title).toList();
    }

    @Nested
    class RunsAsRoot {
        final DI0001 check = new DI0001();

        @Test
        void catchesNoUserRootAndUidZero() {
            assertThat(titles(TestInput.image().run(check))).containsExactly("Image runs as root: no USER is set");
            for (String u : List.of("root", "0", "0:0", "root:root", "0:1000", "000")) {
                assertThat(TestInput.image().user(u).run(check)).as(u).singleElement()
                        .satisfies(f -> assertThat(f.location().configField()).isEqualTo("User"));
            }
        }

        @Test
        void catchesANameThatPasswdMapsToUidZero() {
            List<Finding> f = TestInput.image().user("toor").passwd("root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/:/bin/sh\n")
                    .run(check);
            assertThat(titles(f)).containsExactly("Image runs as root: USER toor has uid 0");
        }

        @Test
        void takesTheHistorysLastUserWhenTheConfigHasNone() {
            List<Finding> f = TestInput.image().emptyStep("/bin/sh -c #(nop) USER app").emptyStep("USER root")
                    .emptyStep("/bin/sh -c #(nop)  CMD [\"/app\"]").run(check);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location().configField()).isEqualTo("history[1]");
                assertThat(x.description()).contains("the config has no User; the last USER step of the history (history[1])");
            });
            assertThat(TestInput.image().emptyStep("USER root").emptyStep("/bin/sh -c #(nop) USER 10001").run(check)).isEmpty();
        }

        @Test
        void passesAUserOrUid() {
            assertThat(TestInput.image().user("app").passwd("app:x:1000:1000::/home/app:/bin/sh\n").run(check)).isEmpty();
            assertThat(TestInput.image().user("10001").run(check)).isEmpty();
            assertThat(TestInput.image().user("1000:0").run(check)).as("group root alone is not root").isEmpty();
            assertThat(TestInput.image().user("nobody").run(check)).as("a name passwd does not know").isEmpty();
            // the config decides over the history
            assertThat(TestInput.image().user("app").emptyStep("USER root").run(check)).isEmpty();
        }
    }

    @Nested
    class Healthcheck {
        final DI0002 check = new DI0002();

        @Test
        void catchesMissingAndNone() {
            assertThat(titles(TestInput.image().healthcheck().run(check))).containsExactly("Image has no HEALTHCHECK");
            assertThat(titles(TestInput.image().healthcheck("NONE").run(check))).as("an explicit NONE is a decision").isEmpty();
        }

        @Test
        void passesAHealthcheck() {
            assertThat(TestInput.image().healthcheck("CMD-SHELL", "wget -q -O- localhost/health").run(check)).isEmpty();
        }
    }

    @Nested
    class SecretsInConfig {
        final DI0003 check = new DI0003();

        @Test
        void catchesSecretsInEnvAndLabelsWithoutPrintingThem() {
            List<Finding> f = TestInput.image().env("PATH=/usr/bin", "AWS_SECRET_ACCESS_KEY=" + AWS_SECRET)
                    .label("ci.token", GHP).label("maintainer", "ops@example.com").run(check);
            assertThat(f).extracting(x -> x.location().configField())
                    .containsExactly("Env[AWS_SECRET_ACCESS_KEY]", "Labels[ci.token]");
            assertThat(f).allSatisfy(x -> {
                assertThat(x.kind()).isEqualTo(Finding.Kind.MISCONFIGURATION);
                assertThat(x.target()).isEqualTo("image config");
                assertThat(x.severity()).isIn(Severity.CRITICAL, Severity.HIGH);
                assertThat(x.title() + x.description()).doesNotContain(AWS_SECRET).doesNotContain(GHP)
                        .doesNotContain(AWS_SECRET.substring(0, 8)).doesNotContain(GHP.substring(0, 8));
            });
            assertThat(f.get(1).description()).contains("rule github-pat").contains("ghp_****");
        }

        @Test
        void passesOrdinaryValues() {
            assertThat(TestInput.image().env("PATH=/usr/local/bin:/usr/bin", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
                    "PASSWORD_FILE=/run/secrets/db").label("org.opencontainers.image.source", "https://github.com/x/y")
                    .run(check)).isEmpty();
        }
    }

    @Nested
    class SetuidFiles {
        final DI0004 check = new DI0004();

        @Test
        void listsEachWithTheOwningPackageThroughTheBinSymlink() {
            List<Finding> f = TestInput.image().symlink("bin", "usr/bin").dir("usr/bin", 0755)
                    .file("usr/bin/su", 72000, 04755).file("usr/bin/chage", 80000, 02755).file("usr/bin/ls", 140000, 0755)
                    .file("usr/local/bin/tool", 1000, 06755)
                    .pkg("util-linux", "2.38.1-5+deb12u1", "/bin/su").pkg("passwd", "1:4.13+dfsg1-1", "/usr/bin/chage")
                    .run(check);
            assertThat(titles(f)).containsExactly("setgid file /usr/bin/chage", "setuid file /usr/bin/su",
                    "setuid and setgid file /usr/local/bin/tool");
            assertThat(f.get(1).description()).contains("mode 4755").contains("package util-linux 2.38.1-5+deb12u1, 72.0 kB installed");
            assertThat(f.get(0).description()).contains("mode 2755").contains("package passwd");
            assertThat(f.get(2).description()).contains("not from a package");
            assertThat(f.get(1).location().path()).isEqualTo("usr/bin/su");
            assertThat(f.get(1).location().layerIndex()).isZero();
        }

        @Test
        void passesOrdinaryFilesAndDirectories() {
            assertThat(TestInput.image().file("usr/bin/ls", 1, 0755).dir("tmp", 01777).dir("srv", 02775).run(check)).isEmpty();
        }
    }

    @Nested
    class WorldWritable {
        final DI0005 check = new DI0005();

        @Test
        void catchesFilesAndDirectoriesOnceForATree() {
            List<Finding> f = TestInput.image().dir("app", 0777).file("app/a", 1, 0666).file("app/b", 1, 0644)
                    .dir("app/sub", 0777).file("app/sub/c", 1, 0666).file("app-x", 1, 0666).file("etc/conf", 1, 0646)
                    .run(check);
            assertThat(titles(f)).containsExactly("World-writable directory /app", "World-writable file /app-x",
                    "World-writable file /etc/conf");
            assertThat(f.get(0).description()).contains("mode 0777").contains("3 world-writable entries inside it");
        }

        @Test
        void passesTmpStickyDirectoriesSymlinksAndDevices() {
            assertThat(TestInput.image().dir("tmp", 01777).file("tmp/x", 1, 0666).dir("var/tmp", 01777)
                    .file("var/tmp/y", 1, 0666).dir("run/lock", 01777).symlink("usr/bin/sh", "dash")
                    .device("dev/null", 0666).file("etc/passwd", 1, 0644).run(check)).isEmpty();
        }
    }

    @Nested
    class PackageCaches {
        final DI0006 check = new DI0006();

        @Test
        void catchesEachCacheWithItsSize() {
            List<Finding> f = TestInput.image()
                    .file("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", 50_060_337)
                    .file("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 151_075)
                    .file("var/cache/apt/pkgcache.bin", 30_000_000).file("var/cache/apt/archives/curl_8.5.0_amd64.deb", 300_000)
                    .file("var/cache/apk/APKINDEX.abc.tar.gz", 600_000).file("var/cache/dnf/repodata.xml", 1000)
                    .file("var/cache/yum/x86_64/primary.sqlite", 2000)
                    .file("root/.npm/_cacache/index-v5/aa/bb", 5000).file("home/app/.cache/pip/http/x", 7000)
                    .run(check);
            assertThat(titles(f)).containsExactly(
                    "The pip cache is left in /home/app/.cache/pip (7.0 kB)",
                    "The npm cache is left in /root/.npm (5.0 kB)",
                    "The apk cache is left in /var/cache/apk (600.0 kB)",
                    "The apt package cache is left in /var/cache/apt (30.3 MB)",
                    "The dnf cache is left in /var/cache/dnf (1.0 kB)",
                    "The yum cache is left in /var/cache/yum (2.0 kB)",
                    "The apt package index is left in /var/lib/apt/lists (50.2 MB)");
            assertThat(f.get(6).description()).contains("2 files").contains("50211412 bytes");
            assertThat(f.get(6).aliases()).containsExactly("DKL-DI-0005");
        }

        @Test
        void passesEmptyCacheDirectoriesAndLockFiles() {
            assertThat(TestInput.image().dir("var/lib/apt/lists", 0755).dir("var/lib/apt/lists/partial", 0700)
                    .file("var/lib/apt/lists/lock", 0, 0640).dir("var/cache/apt/archives", 0755)
                    .file("var/cache/apt/archives/lock", 0).file("var/cache/debconf/config.dat", 100)
                    .file("app/node_modules/x/.npm-ignore", 1).run(check)).isEmpty();
        }
    }

    @Nested
    class AddInHistory {
        final DI0007 check = new DI0007();

        @Test
        void catchesAddButNotTheBaseRootFilesystem() {
            List<Finding> f = TestInput.image().step("/bin/sh -c #(nop) ADD file:7b0c3a1e9e4bd2f0 in / ")
                    .emptyStep("/bin/sh -c #(nop)  CMD [\"bash\"]")
                    .step("ADD app.tar.gz /srv/ # buildkit")
                    .step("/bin/sh -c #(nop) ADD https://example.com/tool.tgz /opt/")
                    .run(check);
            assertThat(titles(f)).containsExactly("ADD in history: app.tar.gz /srv/ # buildkit",
                    "ADD fetches a URL: https://example.com/tool.tgz /opt/");
            assertThat(f.get(0).location().configField()).isEqualTo("history[2]");
            assertThat(f.get(0).location().layerIndex()).as("its layer (1) is not in this one-layer input").isNull();
        }

        @Test
        void passesCopyAndRun() {
            assertThat(TestInput.image().step("ADD rootfs.tar.gz / # buildkit").step("COPY app /app # buildkit")
                    .step("/bin/sh -c #(nop) COPY file:abc in /app").step("RUN /bin/sh -c echo ADD x # buildkit")
                    .run(check)).isEmpty();
        }
    }

    @Nested
    class Sudo {
        final DI0008 check = new DI0008();

        @Test
        void catchesThePackageAndAStrayBinary() {
            List<Finding> f = TestInput.image().symlink("bin", "usr/bin").file("usr/bin/sudo", 280_000, 04755)
                    .pkg("sudo", "1.9.13p3-1+deb12u1", "/usr/bin/sudo").run(check);
            assertThat(titles(f)).containsExactly("sudo is installed: package sudo 1.9.13p3-1+deb12u1");
            assertThat(f.get(0).description()).contains("/usr/bin/sudo, setuid root");
            assertThat(titles(TestInput.image().file("usr/local/bin/sudo", 1000, 0755).run(check)))
                    .containsExactly("sudo is installed: /usr/local/bin/sudo");
        }

        @Test
        void passesWithoutSudoAndIgnoresAnNpmPackageCalledSudo() {
            assertThat(TestInput.image().file("usr/bin/su", 1, 04755).langPkg("npm", "sudo", "3.3.0").run(check)).isEmpty();
        }
    }

    @Nested
    class Passwords {
        final DI0009 check = new DI0009();

        @Test
        void catchesHashesAndEmptyPasswordsWithoutPrintingTheHash() {
            List<Finding> f = TestInput.image().file("etc/shadow", 200, 0640)
                    .shadow("root:*:19000:0:99999:7:::\napp:" + HASH + ":19000:0:99999:7:::\nold:!" + HASH
                            + ":19000::::::\nguest::19000::::::\n")
                    .run(check);
            assertThat(titles(f)).containsExactly("Password hash for user app in /etc/shadow",
                    "Password hash for user old in /etc/shadow", "Empty password for user guest in /etc/shadow");
            assertThat(f).extracting(x -> x.location().line()).containsExactly(2, 3, 4);
            assertThat(f.get(0).description()).contains("yescrypt");
            assertThat(f.get(1).description()).contains("locked");
            assertThat(f.get(2).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f).allSatisfy(x -> assertThat(x.title() + x.description()).doesNotContain("$y$").doesNotContain("lJ9rVq"));
        }

        @Test
        void passesLockedAccountsWithoutHashes() {
            assertThat(TestInput.image().passwd("root:x:0:0:root:/root:/bin/bash\n")
                    .shadow("root:*:20780:0:99999:7:::\n_apt:!:20780::::::\nnobody:!!:20780::::::\n").run(check)).isEmpty();
        }
    }

    @Nested
    class SshKeys {
        final DI0010 check = new DI0010();

        @Test
        void catchesHostKeysAuthorizedKeysAndPrivateKeys() {
            List<Finding> f = TestInput.image().file("etc/ssh/ssh_host_ed25519_key", 400, 0600)
                    .file("etc/ssh/ssh_host_ed25519_key.pub", 90).file("root/.ssh/authorized_keys", 100)
                    .file("home/app/.ssh/id_rsa", 2600, 0600).file("home/app/.ssh/id_rsa.pub", 500).run(check);
            assertThat(titles(f)).containsExactly("SSH host private key /etc/ssh/ssh_host_ed25519_key",
                    "SSH private key /home/app/.ssh/id_rsa", "SSH authorized_keys /root/.ssh/authorized_keys");
        }

        @Test
        void passesPublicKeysAndConfig() {
            assertThat(TestInput.image().file("etc/ssh/ssh_config", 1).file("etc/ssh/ssh_host_rsa_key.pub", 1)
                    .file("root/.ssh/known_hosts", 1).run(check)).isEmpty();
        }
    }

    @Nested
    class HistoryAndGit {
        final DI0011 check = new DI0011();

        @Test
        void catchesHistoriesAndTheOutermostGitDirectory() {
            List<Finding> f = TestInput.image().file("root/.bash_history", 1200).file("home/app/.python_history", 20)
                    .dir("app/.git", 0755).file("app/.git/config", 300).file("app/.git/objects/pack/p.pack", 90_000)
                    .dir("app/.git/modules/x/.git", 0755).run(check);
            assertThat(titles(f)).containsExactly("History file /home/app/.python_history",
                    "History file /root/.bash_history", "Git repository data /app/.git");
            assertThat(f.get(2).description()).contains("3 entries, 90.3 kB");
        }

        @Test
        void passesLookalikes() {
            assertThat(TestInput.image().file("app/.gitignore", 1).file("app/.github/workflows/ci.yml", 1)
                    .file("etc/bash.bashrc", 1).file("usr/share/doc/git/history.txt", 1).run(check)).isEmpty();
        }
    }

    @Nested
    class SensitivePorts {
        final DI0012 check = new DI0012();

        @Test
        void catchesRemoteLoginAndDatabases() {
            assertThat(titles(TestInput.image().expose("22/tcp", "5432/tcp", "6379", "8080/tcp", "3389/udp").run(check)))
                    .containsExactly("Sensitive port 22/tcp (SSH) is exposed", "Sensitive port 3389/udp (RDP) is exposed",
                            "Sensitive port 5432/tcp (PostgreSQL) is exposed", "Sensitive port 6379 (Redis) is exposed");
        }

        @Test
        void passesApplicationPorts() {
            assertThat(TestInput.image().expose("80/tcp", "443/tcp", "8080/tcp", "x/tcp").run(check)).isEmpty();
        }
    }

    @Nested
    class LatestTag {
        final DI0013 check = new DI0013();

        @Test
        void catchesLatestAndNoTag() {
            assertThat(titles(TestInput.image().reference("nginx:latest").run(check)))
                    .containsExactly("Image tagged latest: nginx:latest");
            assertThat(titles(TestInput.image().reference("registry.example.com:5000/team/app").run(check)))
                    .containsExactly("Image reference has no tag (means latest): registry.example.com:5000/team/app");
            assertThat(titles(TestInput.image().reference("podman:app:latest").run(check))).hasSize(1);
            assertThat(titles(TestInput.image().reference("docker-archive:/tmp/app.tar").tag("app:latest").run(check)))
                    .containsExactly("Image tagged latest: app:latest");
        }

        @Test
        void passesVersionsAndDigests() {
            assertThat(TestInput.image().reference("nginx:1.27.2").run(check)).isEmpty();
            assertThat(TestInput.image().reference("nginx:latest@sha256:" + "a".repeat(64)).run(check)).isEmpty();
            assertThat(TestInput.image().reference("docker-archive:/tmp/app.tar").tag("app:1.0").run(check)).isEmpty();
            assertThat(TestInput.image().reference("oci:/tmp/layout:latest").run(check)).as("archives: tags decide").isEmpty();
            assertThat(TestInput.image().reference("localhost:5000/app:1").tag("localhost:5000/app:1").run(check)).isEmpty();
        }
    }

    @Nested
    class EndOfLife {
        final DI0014 check = new DI0014();

        @Test
        void catchesAReleasePastItsEnd() {
            List<Finding> f = TestInput.image().os("debian", "10").today("2026-01-15").run(check);
            assertThat(titles(f)).containsExactly("debian 10 reached its end of life on 2024-06-30");
            assertThat(f.get(0).location().path()).isEqualTo("etc/os-release");
        }

        @Test
        void passesASupportedOrUnknownRelease() {
            assertThat(TestInput.image().os("debian", "12").today("2026-01-15").run(check)).isEmpty();
            assertThat(TestInput.image().os("debian", "10").today("2024-06-30").run(check)).as("the last day").isEmpty();
            assertThat(TestInput.image().os("plan9", "4").run(check)).isEmpty();
            assertThat(TestInput.image().run(check)).isEmpty();
        }
    }

    @Nested
    class SensitiveVolumes {
        final DI0020 check = new DI0020();

        @Test
        void catchesKernelInterfacesAndTheDockerSocket() {
            assertThat(titles(TestInput.image().volume("/sys", "/var/run/docker.sock", "/proc/", "/data").run(check)))
                    .containsExactly("VOLUME /proc (the kernel's process interface)", "VOLUME /sys (the kernel's sysfs)",
                            "VOLUME /var/run/docker.sock (the Docker socket)");
        }

        @Test
        void passesDataVolumes() {
            assertThat(TestInput.image().volume("/data", "/var/lib/postgresql/data", "/sys-data", "/devices").run(check)).isEmpty();
        }
    }

    @Nested
    class DuplicateIds {
        final DI0021 check = new DI0021();

        @Test
        void catchesASecondRootAndSharedGids() {
            List<Finding> f = TestInput.image().file("etc/passwd", 100).file("etc/group", 50)
                    .passwd("root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\ntoor:x:0:0::/:/bin/sh\n")
                    .group("root:x:0:\napp:x:1000:\nadmins:x:1000:\n").run(check);
            assertThat(titles(f)).containsExactly("Duplicate uid 0 in /etc/passwd: root, toor",
                    "Duplicate gid 1000 in /etc/group: app, admins");
            assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
            assertThat(f.get(0).location().line()).isEqualTo(3);
        }

        @Test
        void passesUniqueIds() {
            assertThat(TestInput.image().passwd("root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n")
                    .group("root:x:0:\napp:x:1000:\n").run(check)).isEmpty();
        }
    }

    @Nested
    class CredentialFiles {
        final DI0022 check = new DI0022();

        @Test
        void catchesLoginsByName() {
            List<Finding> f = TestInput.image().file("root/.npmrc", 80).file("root/.docker/config.json", 200)
                    .file("home/app/.aws/credentials", 116).file("app/.git-credentials", 60).file("srv/.Netrc", 40)
                    .run(check);
            assertThat(titles(f)).containsExactly("Credential file /app/.git-credentials",
                    "Credential file /home/app/.aws/credentials", "Credential file /root/.docker/config.json",
                    "Credential file /root/.npmrc", "Credential file /srv/.Netrc");
        }

        @Test
        void passesPackageTemplatesAndLookalikes() {
            assertThat(TestInput.image().file("usr/lib/node_modules/npm/.npmrc", 10).file("etc/docker/config.json", 1)
                    .file("app/config.json", 1).file("root/.aws/config-example", 1).file("etc/skel/.netrc", 1)
                    .pkg("skel-files", "1", "/etc/skel/.netrc").run(check)).isEmpty();
        }
    }
}
