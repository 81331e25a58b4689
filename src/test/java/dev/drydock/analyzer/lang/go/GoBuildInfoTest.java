package dev.drydock.analyzer.lang.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import dev.drydock.layer.FileInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoBuildInfoTest {

    static final GoBinaryAnalyzer A = new GoBinaryAnalyzer();
    static final String MOD = "path\texample.com/old\nmod\texample.com/old\tv1.0.0\th1:x=\n"
            + "dep\tgithub.com/a/b\tv0.1.0\th1:y=\ndep\tgolang.org/x/text\tv0.3.0\th1:z=\n"
            + "=>\tgolang.org/x/text\tv0.3.8\th1:w=\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "usr/local/bin/app | 493 | 4096 | true",
            "app/server.exe    | 420 | 4096 | true",
            "usr/bin/tiny      | 493 | 100  | false",   // too small to be a Go binary
            "etc/passwd        | 420 | 4096 | false",   // not executable
            "usr/bin/script.sh | 493 | 4096 | false",
            "usr/lib/libx.so   | 493 | 4096 | false",
    })
    void required(String path, int mode, long size, boolean wanted) {
        assertThat(A.required(path, new FileInfo(path, FileInfo.Type.FILE, size, mode, 0, 0, "", 0))).isEqualTo(wanted);
    }

    /**
     * A minimal ELF64 with the pre-1.18 layout Go 1.13 to 1.17 wrote: the header's two pointers lead to Go string
     * headers, which lead to the strings, all by virtual address through one PT_LOAD segment.
     */
    static byte[] oldFormatElf(String mod) {
        long base = 0x400000;
        byte[] sentinelStart = new byte[16];
        byte[] sentinelEnd = new byte[16];
        byte[] modBytes = mod.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(0x400 + 32 + modBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) 1);
        b.putInt(64, 1).putLong(64 + 8, 0).putLong(64 + 0x10, base).putLong(64 + 0x20, b.capacity());
        b.put(0x100, GoBuildInfo.MAGIC).put(0x100 + 14, (byte) 8).put(0x100 + 15, (byte) 0);
        b.putLong(0x110, base + 0x200).putLong(0x118, base + 0x210);
        byte[] version = "go1.16.15".getBytes(StandardCharsets.UTF_8);
        b.putLong(0x200, base + 0x300).putLong(0x208, version.length);
        b.putLong(0x210, base + 0x400).putLong(0x218, 32 + modBytes.length);
        b.put(0x300, version);
        b.put(0x400, sentinelStart).put(0x410, modBytes).put(0x410 + modBytes.length, sentinelEnd);
        return b.array();
    }

    @Test
    void oldPointerFormat() throws Exception {
        PackageList l = LangScans.analyze(A, "usr/bin/old", oldFormatElf(MOD));
        assertThat(l.diagnostics()).isEmpty();
        // as `go version -m` would list it: the replacement for x/text; the standard library at the Go version
        assertThat(LangScans.nameAtVersion(l)).containsExactly("example.com/old@v1.0.0", "github.com/a/b@v0.1.0",
                "golang.org/x/text@v0.3.8", "stdlib@1.16.15");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("github.com/a/b", "golang.org/x/text");
        assertThat(l.packages()).extracting(p -> p.purl()).contains("pkg:golang/stdlib@1.16.15");
    }

    @Test
    void brokenPointerIsADiagnostic() throws Exception {
        byte[] elf = oldFormatElf(MOD);
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putLong(0x110, 0x7777_0000L);
        PackageList l = LangScans.analyze(A, "usr/bin/old", elf);
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("usr/bin/old", "no loaded segment");
    }

    @Test
    void truncatedInlineBuildInfoIsADiagnostic() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64 + 32 + 4);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.put(64, GoBuildInfo.MAGIC).put(64 + 14, (byte) 8).put(64 + 15, (byte) 2);
        b.put(96, (byte) 0x7f).put(97, (byte) 'g'); // says 127 bytes of version follow; 3 do
        PackageList l = LangScans.analyze(A, "app/cut", b.array());
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("app/cut", "past the end");
    }

    @Test
    void goMod() throws Exception {
        PackageList l = LangScans.analyze(new GoModAnalyzer(), "src/go.mod", """
                module github.com/me/app // the module

                go 1.21

                require github.com/single/line v1.0.0
                require (
                	golang.org/x/net v0.17.0 // indirect
                	github.com/old/one v0.1.0
                	example.com/local v1.0.0
                )

                replace github.com/old/one => github.com/new/one v0.2.0
                replace (
                	example.com/local => ./local
                )
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("example.com/local@v1.0.0",
                "github.com/new/one@v0.2.0", "github.com/single/line@v1.0.0", "golang.org/x/net@v0.17.0");
        assertThat(LangScans.analyze(new GoModAnalyzer(), "go.mod", "garbage\n").diagnostics()).singleElement()
                .asString().contains("no module directive");
    }
}
