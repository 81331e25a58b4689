package dev.drydock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            reasn             | reason
            REASON            | reason
            expiry            | expires
            expire            | expires
            forbiden-packages | forbidden-packages
            # a transposition is one edit
            hihg              | high
            # too far to be a typo
            colour            | -
            id                | id
            """)
    void closest(String typed, String want) {
        assertThat(Suggestions.closest(typed, List.of("id", "reason", "expires", "forbidden-packages", "high", "low")))
                .isEqualTo(want);
    }
}
