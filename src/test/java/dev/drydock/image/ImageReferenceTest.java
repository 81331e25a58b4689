package dev.drydock.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // written                                   | registry          | repository              | tag         | digest
        "alpine                                      | docker.io         | library/alpine          | -           | -",
        "alpine:3.20                                 | docker.io         | library/alpine          | 3.20        | -",
        "python:3                                    | docker.io         | library/python          | 3           | -",
        "bitnami/redis:7.2                           | docker.io         | bitnami/redis           | 7.2         | -",
        "docker.io/library/node:20-slim              | docker.io         | library/node            | 20-slim     | -",
        "index.docker.io/library/node                | docker.io         | library/node            | -           | -",
        "ghcr.io/owner/app/sub:v1.2.3                | ghcr.io           | owner/app/sub           | v1.2.3      | -",
        "localhost:5000/app                          | localhost:5000    | app                     | -           | -",
        "localhost/app:dev                           | localhost         | app                     | dev         | -",
        "127.0.0.1:5000/team/app:1                   | 127.0.0.1:5000    | team/app                | 1           | -",
        "gcr.io/distroless/static-debian12:nonroot   | gcr.io            | distroless/static-debian12 | nonroot  | -",
        "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | docker.io | library/nginx | - | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | docker.io | library/nginx | 1.27 | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    })
    void parsesAndNormalises(String written, String registry, String repository, String tag, String digest) {
        ImageReference r = ImageReference.parse(written);
        assertThat(r.registry()).isEqualTo(registry);
        assertThat(r.repository()).isEqualTo(repository);
        assertThat(r.tag()).isEqualTo(tag);
        assertThat(r.digest()).isEqualTo(digest);
        assertThat(r.toString()).as("toString is the inverse of parse").isEqualTo(written);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "Alpine", "alpine:", "alpine:bad tag", "alpine@sha256:short", "a//b", "-alpine",
        "alpine:" + "x" + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
        "registry.example.com/", "app:1:2"})
    void rejectsInvalidReferencesNamingThem(String bad) {
        assertThatThrownBy(() -> ImageReference.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid image reference '");
        assertThat(ImageReference.tryParse(bad)).isEmpty();
    }
}
