package dev.drydock.analyzer.ospkg.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.PackageList;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Corrupt databases and headers: diagnostics, never exceptions. Headers are built here by {@link #header}. */
class RpmBadInputTest {

    static final RpmAnalyzer A = new RpmAnalyzer();

    /** A minimal header: NAME, VERSION, RELEASE strings and an int32 EPOCH (entries sorted by tag as rpm writes). */
    static byte[] header(String name, String version, String release, int epoch) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] v = (version + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] r = (release + "\0").getBytes(StandardCharsets.UTF_8);
        int dl = 4 + n.length + v.length + r.length;
        ByteBuffer b = ByteBuffer.allocate(8 + 16 * 4 + dl);
        b.putInt(4).putInt(dl);
        b.putInt(RpmHeader.EPOCH).putInt(RpmHeader.TYPE_INT32).putInt(0).putInt(1);
        b.putInt(RpmHeader.NAME).putInt(RpmHeader.TYPE_STRING).putInt(4).putInt(1);
        b.putInt(RpmHeader.VERSION).putInt(RpmHeader.TYPE_STRING).putInt(4 + n.length).putInt(1);
        b.putInt(RpmHeader.RELEASE).putInt(RpmHeader.TYPE_STRING).putInt(4 + n.length + v.length).putInt(1);
        b.putInt(epoch).put(n).put(v).put(r);
        return b.array();
    }

    @Test
    void aGoodHandBuiltHeader() throws Exception {
        var p = RpmHeader.parse(header("bash", "5.1.8", "9.el9", 0)).toPackage("var/lib/rpm/Packages");
        assertThat(p.version()).isEqualTo("0:5.1.8-9.el9");
        assertThat(p.purl()).isEqualTo("pkg:rpm/bash@5.1.8-9.el9");
    }

    @Test
    void corruptHeadersAreDiagnosticsAndTheOthersSurvive() {
        byte[] good = header("bash", "5.1.8", "9.el9", 0);
        byte[] hugeCounts = good.clone();
        ByteBuffer.wrap(hugeCounts).putInt(0, 0x7fffffff);
        byte[] badOffset = good.clone();
        ByteBuffer.wrap(badOffset).putInt(8 + 16 + 8, 1 << 30); // NAME's offset far outside the data
        byte[] unterminated = good.clone();
        unterminated[unterminated.length - 1] = 'x';
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        byte[] wrongType = good.clone();
        ByteBuffer.wrap(wrongType).putInt(8 + 4, RpmHeader.TYPE_STRING); // EPOCH said to be a string
        byte[] tiny = {1, 2, 3};
        PackageList l = RpmAnalyzer.packages(new RpmAnalyzer.Blobs(
                List.of(hugeCounts, badOffset, good, unterminated, truncated, wrongType, tiny), List.of()), "x");
        assertThat(l.packages()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("bash"));
        assertThat(l.diagnostics()).hasSize(6).allSatisfy(d -> assertThat(d).startsWith("/x: header "));
    }

    @Test
    void headerFileLists() throws Exception {
        assertThat(RpmHeader.splitSourceRpm("openssl-libs-3.0.7-27.el9.src.rpm")).containsExactly("openssl-libs",
                "3.0.7-27.el9");
        assertThat(RpmHeader.splitSourceRpm("weird.src.rpm")).containsExactly("weird", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var/lib/rpm/rpmdb.sqlite", "var/lib/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db"})
    void garbageDatabasesAreDiagnostics(String path) throws Exception {
        for (int size : new int[] {0, 10, 600, 8192, 70_000}) {
            byte[] junk = new byte[size];
            new Random(size).nextBytes(junk);
            PackageList l = A.analyze(new AnalysisInput(path, null, new ByteArrayInputStream(junk), null));
            assertThat(l.packages()).isEmpty();
            assertThat(l.diagnostics()).as(path + " " + size).isNotEmpty();
        }
    }

    @Test
    void bdbWithALoopingOverflowChain() {
        // meta page + one hash page whose single value points to overflow page 2, which points to itself
        int ps = 512;
        ByteBuffer b = ByteBuffer.allocate(3 * ps).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(12, BerkeleyDbHashReader.HASH_MAGIC).putInt(20, ps).putInt(32, 2);
        int p1 = ps;
        b.put(p1 + 25, (byte) BerkeleyDbHashReader.P_HASH).putShort(p1 + 20, (short) 2);
        b.putShort(p1 + 26, (short) (ps - 5)).putShort(p1 + 28, (short) (ps - 17)); // key (5 bytes), value (12)
        b.put(p1 + ps - 5, (byte) 1).putInt(p1 + ps - 4, 7);
        b.put(p1 + ps - 17, (byte) BerkeleyDbHashReader.H_OFFPAGE).putInt(p1 + ps - 13, 2).putInt(p1 + ps - 9, 1000);
        int p2 = 2 * ps;
        b.put(p2 + 25, (byte) BerkeleyDbHashReader.P_OVERFLOW).putShort(p2 + 22, (short) 100).putInt(p2 + 16, 2);
        var blobs = BerkeleyDbHashReader.read(b.array(), "var/lib/rpm/Packages");
        assertThat(blobs.headers()).isEmpty();
        assertThat(blobs.diagnostics()).singleElement().asString().contains("loops at page 2");
    }

    @Test
    void ndbBlobOutsideTheFile() {
        byte[] db = NdbWriter.write(List.of(header("zlib", "1.2.13", "1", 0)));
        ByteBuffer.wrap(db).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(2 * NdbReader.SLOT + 8, 1 << 20);
        var blobs = NdbReader.read(db, "usr/lib/sysimage/rpm/Packages.db");
        assertThat(blobs.headers()).isEmpty();
        assertThat(blobs.diagnostics()).singleElement().asString().contains("outside the file");
    }
}
