package dev.drydock.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Aho–Corasick prefilter: overlapping keywords, keywords inside keywords, case folding, bytes and strings alike. */
class SecretKeywordMatcherTest {

    static List<String> hits(KeywordMatcher m, List<String> keywords, String text) {
        List<String> out = new ArrayList<>();
        m.scan(text.getBytes(StandardCharsets.ISO_8859_1), (k, end) -> out.add(keywords.get(k) + "@" + end));
        List<String> viaString = new ArrayList<>();
        m.scan((CharSequence) text, (k, end) -> viaString.add(keywords.get(k) + "@" + end));
        assertThat(viaString).isEqualTo(out);
        return out;
    }

    @Test
    void findsEveryOccurrenceOfEveryKeywordInOnePass() {
        List<String> kw = List.of("he", "she", "his", "hers", "akia", "ghp_");
        KeywordMatcher m = new KeywordMatcher(kw);
        assertThat(hits(m, kw, "ushers")).containsExactly("she@4", "he@4", "hers@6");
        assertThat(hits(m, kw, "AKIA1 and GHP_x")).containsExactly("akia@4", "ghp_@14");
        assertThat(hits(m, kw, "nothing to see")).isEmpty();
        assertThat(hits(m, kw, "")).isEmpty();
    }

    @Test
    void entropySeparatesRandomTokensFromWords() {
        assertThat(Entropy.shannon("aaaaaaaa")).isZero();
        assertThat(Entropy.shannon("abcd")).isEqualTo(2.0);
        assertThat(Entropy.shannon("Zx9Lp2Qw7Er4Ty1Ui8Op3As")).isGreaterThan(4.0);
        assertThat(Entropy.shannon("passwordpassword")).isLessThan(3.0);
    }
}
