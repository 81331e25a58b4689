package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions that the secret rules never print a secret. */
final class Redaction {

    private Redaction() {
    }

    /**
     * No message contains the secret, nor any five characters of it past the four-character prefix that
     * {@link SecretPatterns#redact(String)} may show.
     */
    static void assertRedacted(List<Violation> violations, String secret) {
        assertThat(violations).isNotEmpty();
        for (Violation v : violations) {
            assertThat(v.message()).doesNotContain(secret);
            for (int k = 4; k + 5 <= secret.length(); k++) {
                assertThat(v.message()).as("message shows part of the secret")
                        .doesNotContain(secret.substring(k, k + 5));
            }
        }
    }
}
