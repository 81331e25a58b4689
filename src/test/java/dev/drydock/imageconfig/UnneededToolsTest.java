package dev.drydock.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unneeded-tool checks on small filesystems: programs found through symlinks, grouped by the package that brings them. */
class UnneededToolsTest {

    static List<String> titles(List<Finding> f) {
        return f.stream().map(Finding::title).toList();
    }

    /** Debian's layout: /bin is a link to usr/bin, sh is dash, cc goes through the alternatives. */
    static TestInput debian() {
        return TestInput.image().symlink("bin", "usr/bin").dir("usr/bin", 0755)
                .file("usr/bin/bash", 1_265_648, 0755).file("usr/bin/dash", 125_640, 0755).symlink("usr/bin/sh", "dash")
                .file("usr/bin/ls", 151_344, 0755)
                .file("usr/bin/dpkg", 305_696, 0755).file("usr/bin/apt", 18_800, 0755).file("usr/bin/apt-get", 51_920, 0755)
                .file("usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0", 2_100_000, 0644)
                .pkg("bash", "5.2.15-2+b7", "/bin/bash", "/etc/bash.bashrc")
                .pkg("dash", "0.5.12-2", "/bin/dash", "/bin/sh")
                .pkg("coreutils", "9.1-1", "/bin/ls")
                .pkg("dpkg", "1.21.22", "/usr/bin/dpkg")
                .pkg("apt", "2.6.1", "/usr/bin/apt", "/usr/bin/apt-get")
                .pkg("libapt-pkg6.0", "2.6.1", "/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0");
    }

    @Test
    void shellsArePerPackageWithSizesAndNames() {
        List<Finding> f = debian().run(new DI0015());
        assertThat(titles(f)).containsExactly("Shell in the final image: bash (package bash, 1.3 MB)",
                "Shell in the final image: dash, sh (package dash, 125.6 kB)");
        assertThat(f.get(1).description()).contains("Package dash 0.5.12-2 brings /usr/bin/dash (125.6 kB), also run as sh")
                .contains("distroless").contains("multi-stage");
        assertThat(f.get(0).location().path()).isEqualTo("usr/bin/bash");
        assertThat(f).allSatisfy(x -> assertThat(x.target()).isEqualTo("filesystem"));
    }

    @Test
    void packageManagers() {
        assertThat(titles(debian().run(new DI0016()))).containsExactly(
                "Package manager in the final image: apt, apt-get (package apt, 70.7 kB)",
                "Package manager in the final image: dpkg (package dpkg, 305.7 kB)");
    }

    @Test
    void downloadToolsCompilersAndDebuggers() {
        TestInput in = debian().file("usr/bin/curl", 280_000, 0755).pkg("curl", "7.88.1-10+deb12u8", "/usr/bin/curl")
                .file("usr/local/bin/wget", 500_000, 0755)
                .file("usr/bin/x86_64-linux-gnu-gcc-12", 1_000_000, 0755).symlink("usr/bin/gcc-12", "x86_64-linux-gnu-gcc-12")
                .symlink("usr/bin/gcc", "gcc-12").symlink("etc/alternatives/cc", "/usr/bin/gcc").symlink("usr/bin/cc", "/etc/alternatives/cc")
                .pkg("gcc-12", "12.2.0-14", "/usr/bin/x86_64-linux-gnu-gcc-12", "/usr/bin/gcc-12")
                .pkg("gcc", "4:12.2.0-3", "/usr/bin/gcc")
                .file("usr/local/go/bin/go", 12_000_000, 0755).symlink("usr/local/bin/go", "../go/bin/go")
                .file("usr/bin/strace", 2_000_000, 0755).pkg("strace", "6.1-0.1", "/usr/bin/strace");
        assertThat(titles(in.run(new DI0017()))).containsExactly(
                "Download tool in the final image: curl (package curl, 280.0 kB)",
                "Download tool in the final image: wget (/usr/local/bin/wget, 500.0 kB)");
        List<Finding> compilers = in.run(new DI0018());
        assertThat(titles(compilers)).containsExactly(
                "Compiler in the final image: cc, gcc, gcc-12, x86_64-linux-gnu-gcc-12 (package gcc-12, 1.0 MB)",
                "Compiler in the final image: go (/usr/local/go/bin/go, 12.0 MB)");
        assertThat(compilers.get(1).description()).contains("no package owns");
        assertThat(titles(in.run(new DI0019()))).containsExactly("Debugger in the final image: strace (package strace, 2.0 MB)");
    }

    @Test
    void looksInTheConfigsPathToo() {
        TestInput in = TestInput.image().env("PATH=/usr/local/go/bin:/opt/java/openjdk/bin:/usr/bin:$HOME/bin")
                .file("usr/local/go/bin/go", 12_000_000, 0755).file("opt/java/openjdk/bin/javac", 16_000, 0755)
                .file("opt/java/openjdk/bin/java", 16_000, 0755).noInventory();
        assertThat(titles(in.run(new DI0018()))).containsExactly(
                "Compiler in the final image: javac (/opt/java/openjdk/bin/javac, 16.0 kB)",
                "Compiler in the final image: go (/usr/local/go/bin/go, 12.0 MB)");
        assertThat(TestInput.image().file("usr/local/go/bin/go", 1, 0755).run(new DI0018())).as("not on PATH").isEmpty();
    }

    @Test
    void busyboxAppletsAreOneProgram() {
        List<Finding> f = TestInput.image().file("bin/busybox", 1_100_000, 0755).symlink("bin/sh", "busybox")
                .symlink("bin/ash", "busybox").symlink("bin/wget", "busybox").noInventory().run(new DI0015());
        assertThat(titles(f)).containsExactly("Shell in the final image: ash, busybox, sh (/bin/busybox, 1.1 MB)");
        assertThat(f.get(0).description()).contains("also run as ash, sh");
        assertThat(titles(TestInput.image().file("bin/busybox", 1_100_000, 0755).symlink("bin/wget", "busybox").noInventory()
                .run(new DI0017()))).containsExactly("Download tool in the final image: wget (/bin/busybox, 1.1 MB)");
    }

    @Test
    void nothingInAMinimalImage() {
        TestInput in = TestInput.image().file("app", 5_000_000, 0755).file("etc/passwd", 30).dir("usr/share/bash-completion", 0755)
                .file("usr/share/doc/bash/README", 100).symlink("usr/bin/sh-broken", "nowhere").symlink("usr/bin/bash", "nowhere");
        for (ImageCheck c : List.of(new DI0015(), new DI0016(), new DI0017(), new DI0018(), new DI0019())) {
            assertThat(in.run(c)).as(c.info().id()).isEmpty();
        }
    }
}
