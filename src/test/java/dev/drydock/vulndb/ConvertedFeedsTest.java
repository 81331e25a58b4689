package dev.drydock.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RubySec requirements and FriendsOfPHP branches converted to OSV ranges. Ranges are written here as
 * {@code [introduced,fixed)} or {@code [introduced,last_affected]} joined by {@code |}; {@code +} for no upper bound.
 */
class ConvertedFeedsTest {

    static JsonNode yaml(String s) throws Exception {
        return RecordParser.yaml(s.getBytes(StandardCharsets.UTF_8));
    }

    static String ranges(List<Advisory.Range> ranges) {
        return ranges.stream().map(r -> {
            Advisory.Event a = r.events().get(0);
            if (r.events().size() == 1) {
                return "[" + a.introduced() + ",+)";
            }
            Advisory.Event b = r.events().get(1);
            return b.fixed() != null ? "[" + a.introduced() + "," + b.fixed() + ")" : "[" + a.introduced() + "," + b.lastAffected() + "]";
        }).collect(Collectors.joining("|"));
    }

    /** bundler-audit: vulnerable = satisfies no patched_versions and no unaffected_versions requirement. */
    @ParameterizedTest(name = "patched {0} unaffected {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "'>= 2.2.1';;[0,2.2.1)",
            "'~> 3.1.10', '>= 3.2.11';;[0,3.1.10)|[3.2.A,3.2.11)",
            // ~> 2.3.15 is >= 2.3.15 and < 2.4.A (RubyGems: v.release < 2.4): 2.4.0.rc1 is affected, 2.3.99 is not
            "'~> 2.3.15';;[0,2.3.15)|[2.4.A,+)",
            "'~> 5.2.4, >= 5.2.4.3', '>= 6.0.3.1';;[0,5.2.4.3)|[5.3.A,6.0.3.1)",
            "'>= 1.16.2', '~> 1.15.6';'< 1.0';[1.0,1.15.6)|[1.16.A,1.16.2)",
            "'> 2.0';;[0,2.0]",
            "'>= 3.0';'<= 1.0';[1.0,3.0)",   // OSV cannot say 'after 1.0': 1.0 itself reported (approximated)
            "'= 1.2.3';;[0,1.2.3)|[1.2.3,+)",
            ";;[0,+)",
            "'~> 2';;[0,2)|[3.A,+)",
            "'>= 1.0', '>= 2.0';'< 0.5';[0.5,1.0)",
    })
    void rubySecRequirementsBecomeAffectedRanges(String patched, String unaffected, String expected) throws Exception {
        StringBuilder y = new StringBuilder("gem: demo\nurl: https://example.com\ntitle: t\ndate: 2020-01-02\ncvss_v3: 9.8\n");
        if (patched != null) {
            y.append("patched_versions:\n");
            for (String p : patched.split("', '")) {
                y.append("  - \"").append(p.replace("'", "")).append("\"\n");
            }
        }
        if (unaffected != null) {
            y.append("unaffected_versions:\n");
            for (String p : unaffected.split("', '")) {
                y.append("  - \"").append(p.replace("'", "")).append("\"\n");
            }
        }
        RubySecRecords.Converted c = RubySecRecords.convert(yaml(y.toString()), "CVE-2020-0001", new GemVersionStandIn());
        assertThat(ranges(c.advisory().affected().get(0).ranges())).isEqualTo(expected);
        assertThat(c.advisory().sourceSeverity()).isEqualTo("critical");
        assertThat(c.advisory().published()).hasToString("2020-01-02T00:00:00Z");
    }

    @Test
    void approximatedRangesAreCounted() throws Exception {
        RubySecRecords.Converted c = RubySecRecords.convert(yaml("gem: g\nurl: u\nunaffected_versions: ['<= 1.0']\npatched_versions: ['>= 3']\n"),
                "X", new GemVersionStandIn());
        assertThat(c.approximatedRanges()).isEqualTo(1);
    }

    @Test
    void rubySecIdsAliasesAndReferences() throws Exception {
        RubySecRecords.Converted c = RubySecRecords.convert(yaml("""
                gem: rack
                cve: 2022-30123
                ghsa: wq4h-7r42-5hrr
                osvdb: 12345
                url: https://groups.google.com/g/rubyonrails-security/c/LWB10kWzag8
                title: Possible shell escape sequence injection
                cvss_v2: 5.0
                patched_versions: [">= 2.2.4"]
                related:
                  url: [https://example.com/a, https://groups.google.com/g/rubyonrails-security/c/LWB10kWzag8]
                """), "CVE-2022-30123", new GemVersionStandIn());
        Advisory a = c.advisory();
        assertThat(a.id()).isEqualTo("CVE-2022-30123");
        assertThat(a.aliases()).containsExactly("GHSA-wq4h-7r42-5hrr", "OSVDB-12345");
        assertThat(a.references()).containsExactly("https://groups.google.com/g/rubyonrails-security/c/LWB10kWzag8", "https://example.com/a");
        assertThat(a.sourceSeverity()).isEqualTo("medium"); // from cvss_v2 when there is no cvss_v3
        assertThat(a.affected().get(0).purl()).isEqualTo("pkg:gem/rack");
    }

    @Test
    void rubySecBadInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RubySecRecords.convert(yaml("gem: g\nurl: u\npatched_versions: ['!= 1.0']\n"), "X", new GemVersionStandIn()))
                .hasMessageContaining("operator '!='");
        assertThatThrownBy(() -> RubySecRecords.convert(yaml("gem: g\nurl: u\npatched_versions: ['>= not a version!']\n"), "X",
                new GemVersionStandIn())).isInstanceOf(RubySecRecords.UnsupportedException.class);
        assertThatThrownBy(() -> RubySecRecords.convert(yaml("engine: jruby\nurl: u\n"), "X", new GemVersionStandIn()))
                .hasMessageContaining("Ruby interpreter");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "1.15.6;1.16", "2;3", "1.2.3.rc1;1.3", "5.2.4;5.3", "0.9;1", "1.0.0-beta;1.1", "3.2.99999999999999999999;3.3"})
    void gemBump(String version, String bump) {
        assertThat(RubySecRecords.bump(version)).isEqualTo(bump);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "['>=2.0.0', '<2.0.99'];[2.0.0,2.0.99)",
            "['<1.2'];[0,1.2)",
            "['<=1.2'];[0,1.2]",
            "['>=1.0'];[1.0,+)",
            "['>1.0', '<2.0'];[1.0,2.0)",
            "['>=v1.0', '<v1.5'];[1.0,1.5)",
            "['>=1.0,<1.5'];[1.0,1.5)",
    })
    void friendsOfPhpBranchesBecomeRanges(String versions, String expected) throws Exception {
        FriendsOfPhpRecords.Converted c = FriendsOfPhpRecords.convert(yaml("""
                title: t
                link: https://example.com/adv
                cve: CVE-2015-0001
                branches:
                    main:
                        time: 2015-08-06 22:08:00
                        versions: %s
                reference: composer://vendor/pkg
                """.formatted(versions)), "vendor/pkg/2015-08-06.yaml");
        Advisory a = c.advisory();
        assertThat(ranges(a.affected().get(0).ranges())).isEqualTo(expected);
        assertThat(a.id()).isEqualTo("FRIENDSOFPHP-vendor/pkg/2015-08-06");
        assertThat(a.aliases()).containsExactly("CVE-2015-0001");
        assertThat(a.affected().get(0).ecosystem()).isEqualTo("Packagist");
        assertThat(a.affected().get(0).name()).isEqualTo("vendor/pkg");
        assertThat(a.published()).hasToString("2015-08-06T22:08:00Z");
        assertThat(a.references()).containsExactly("https://example.com/adv");
    }

    @Test
    void friendsOfPhpBadInput() {
        assertThatThrownBy(() -> FriendsOfPhpRecords.convert(yaml("title: t\nreference: https://x\nbranches: {}\n"), "a/b/c.yaml"))
                .hasMessageContaining("not composer://vendor/package");
        assertThatThrownBy(() -> FriendsOfPhpRecords.convert(yaml("title: t\nreference: composer://a/b\nbranches:\n  m:\n    versions: ['^1.0']\n"),
                "a/b/c.yaml")).hasMessageContaining("unreadable constraint '^1.0'");
    }
}
