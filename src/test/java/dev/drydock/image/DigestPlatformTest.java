package dev.drydock.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DigestPlatformTest {

    static final String HELLO = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"; // sha256sum of "hello"

    @Test
    void digestRoundTripsAndHashes() {
        assertThat(Digest.parse(HELLO).toString()).isEqualTo(HELLO);
        assertThat(Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(Digest.parse(HELLO));
        assertThat(Digest.parse("sha512:" + "a".repeat(128)).algorithm()).isEqualTo("sha512");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha256                          | expected algorithm:hex",
            "md5:d41d8cd98f00b204e9800998ecf8427e | unsupported algorithm 'md5'",
            "sha256:abc                      | expected 64 lower-case hex digits",
            "sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824 | lower-case",  // upper-case is not canonical
            "sha512:abcd                     | expected 128",
    })
    void badDigests(String text, String message) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("invalid digest");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // written             | normalised (containerd's platforms.Normalize)
            "linux/amd64           | linux/amd64",
            "linux/x86_64          | linux/amd64",
            "linux/arm64/v8        | linux/arm64",   // v8 is arm64's only variant: dropped
            "linux/aarch64         | linux/arm64",
            "linux/arm             | linux/arm/v7",  // arm without variant means v7
            "linux/armhf           | linux/arm/v7",
            "linux/arm/6           | linux/arm/v6",
            "Linux/AMD64           | linux/amd64",
            "windows/amd64         | windows/amd64",
    })
    void platformsNormalise(String written, String normalised) {
        assertThat(Platform.parse(written).toString()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "linux/arm64     | linux/arm64/v8 | true",
            "linux/arm64/v8  | linux/arm64    | true",
            "linux/arm       | linux/arm/v7   | true",
            "linux/arm/v6    | linux/arm/v7   | false",
            "linux/amd64     | linux/arm64    | false",
            "linux/amd64     | windows/amd64  | false",
    })
    void platformsMatch(String want, String have, boolean matches) {
        assertThat(Platform.parse(want).matches(new Platform(have.split("/")[0], have.split("/")[1],
                have.split("/").length > 2 ? have.split("/")[2] : null))).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"linux", "linux/", "/amd64", "linux/amd64/v8/x", "linux/amd 64"})
    void badPlatforms(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).hasMessageContaining("invalid platform '" + text + "'");
    }

    @Test
    void verifyingStreamPassesGoodContent() throws Exception {
        try (InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                Digest.parse(HELLO), 5, "blob x")) {
            assertThat(in.readAllBytes()).hasSize(5);
        }
    }

    @Test
    void verifyingStreamFailsAtEofNamingBothDigests() {
        Digest wrong = Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8));
        InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                wrong, -1, "layer 2 of x.tar");
        assertThatThrownBy(in::readAllBytes).isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("layer 2 of x.tar").hasMessageContaining(wrong.toString()).hasMessageContaining(HELLO);
    }

    @Test
    void verifyingStreamChecksSize() {
        InputStream shorter = new DigestVerifyingInputStream(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                Digest.parse(HELLO), 6, "blob");
        assertThatThrownBy(shorter::readAllBytes).hasMessageContaining("truncated: 5 of 6 bytes");
        InputStream longer = new DigestVerifyingInputStream(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                Digest.parse(HELLO), 4, "blob");
        assertThatThrownBy(longer::readAllBytes).hasMessageContaining("longer than the 4 bytes");
    }

    @Test
    void configHistorySkipsEmptyLayers() {
        String json = """
                {"architecture":"amd64","os":"linux","config":{"User":"app","Env":["A=b"],"ExposedPorts":{"80/tcp":{}},
                 "Healthcheck":{"Test":["CMD","true"],"Interval":30000000000}},
                 "rootfs":{"type":"layers","diff_ids":["%s","%s"]},
                 "history":[{"created_by":"ADD x /"},{"created_by":"ENV A=b","empty_layer":true},{"created_by":"RUN y"}]}
                """.formatted(HELLO, HELLO);
        ImageConfig c = ImageJson.config(json.getBytes(StandardCharsets.UTF_8), "config sha256:1");
        assertThat(c.layerHistory()).extracting(ImageConfig.History::createdBy).containsExactly("ADD x /", "RUN y");
        assertThat(c.config().user()).isEqualTo("app");
        assertThat(c.config().exposedPorts()).containsKey("80/tcp");
        assertThat(c.config().healthcheck().interval()).isEqualTo(30_000_000_000L);
    }

    @Test
    void badJsonNamesTheBlobAndPosition() {
        assertThatThrownBy(() -> ImageJson.config("{\"rootfs\": {\"diff_ids\": [\"sha256:zz\"]}}".getBytes(StandardCharsets.UTF_8),
                "x.tar: config sha256:abc")).hasMessageContaining("x.tar: config sha256:abc: invalid JSON at line 1")
                .hasMessageContaining("invalid digest 'sha256:zz'");
        assertThatThrownBy(() -> ImageJson.manifest("{\"layers\": [".getBytes(StandardCharsets.UTF_8), "oci:d: manifest sha256:m"))
                .hasMessageContaining("oci:d: manifest sha256:m: invalid JSON");
    }
}
