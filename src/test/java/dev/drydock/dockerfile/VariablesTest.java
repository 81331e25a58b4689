package dev.drydock.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariablesTest {

    static final Map<String, String> VARS = new HashMap<>();

    static {
        VARS.put("V", "val");
        VARS.put("EMPTY", "");
        VARS.put("UNSET", null);
        VARS.put("B", "inner");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
            "$V|val",
            "${V}|val",
            "a${V}b|avalb",
            "$V/x|val/x",
            "$Vx|",
            "${NOPE}|",
            "${V:-d}|val",
            "${EMPTY:-d}|d",
            "${EMPTY-d}|",
            "${UNSET-d}|d",
            "${NOPE:-d}|d",
            "${V:+alt}|alt",
            "${EMPTY:+alt}|",
            "${EMPTY+alt}|alt",
            "${UNSET+alt}|",
            "${NOPE:-${B}}|inner",
            "${NOPE:-a${B}b}|ainnerb",
            "\\$V|$V",
            "$|$",
            "a$ b|a$ b",
            "${V|${V",
            "${V:?must be set}|val",
            "${V#pat}|val",
            "plain|plain",
            "price: $$|price: $$",
    })
    void expands(String word, String expected) {
        assertThat(Variables.expand(word, VARS, '\\')).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"`$V|$V", "\\$V|\\val"})
    void backtickEscape(String word, String expected) {
        assertThat(Variables.expand(word, VARS, '`')).isEqualTo(expected);
    }
}
