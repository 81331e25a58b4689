package dev.drydock.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code secrets:} key of {@code .drydock.yaml}: custom, allow and disabled rules, and its errors. */
class SecretConfigTest {

    static final String CONFIG = """
            dockerfile:            # another part's section: not looked at here
              ignored: [DL3008]
            secrets:
              rules:
                - id: acme-api-key
                  title: ACME API key
                  regex: 'acme_(?<secret>[a-z0-9]{32})'
                  keywords: [ACME_]
                  entropy: 3.0
                  severity: critical
                - id: internal-password
                  regex: 'INTERNAL_PW=(?<secret>\\S+)'
                  keywords: [internal_pw]
                  paths: ['\\.env$']
                  allow: ['^dev-']
              allow:
                regexes: ['^sk_live_0000']
                paths: ['^app/fixtures/']
              disable: [generic-password]
            """;

    static SecretConfig parse(String yaml) {
        return SecretConfig.parse(".drydock.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static SecretScanner scanner(String yaml) {
        return new SecretScanner(parse(yaml).applyTo(SecretRules.builtIn()));
    }

    @Test
    void customRulesFindWithTheirSeverityAndPathFilters() {
        SecretScanner s = scanner(CONFIG);
        List<SecretHit> hits = s.scanText("app/main.py", "key = 'acme_7k2m9x4q8w1e5r3t6y0u2i4o7p9a1s3d'");
        assertThat(hits).extracting(SecretHit::rule).contains("acme-api-key");
        assertThat(hits.get(0).match()).isEqualTo("7k2m****").doesNotContain("9x4q");
        assertThat(s.rules().rule("acme-api-key").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.rules().rule("acme-api-key").title()).isEqualTo("ACME API key");
        assertThat(s.rules().rule("internal-password").severity()).isEqualTo(Severity.HIGH);

        assertThat(s.scanText("app/.env", "INTERNAL_PW=q8Wd9s7Lk2").stream().map(SecretHit::rule))
                .contains("internal-password");
        assertThat(s.scanText("app/config.txt", "INTERNAL_PW=q8Wd9s7Lk2").stream().map(SecretHit::rule))
                .doesNotContain("internal-password");
        assertThat(s.scanText("app/.env", "INTERNAL_PW=dev-q8Wd9s7Lk2")).noneMatch(h -> h.rule().equals("internal-password"));
    }

    @Test
    void allowRulesAndDisabledRulesApply() {
        SecretScanner s = scanner(CONFIG);
        assertThat(s.scanText("app/a.env", "DB_PASSWORD=Tr0ub4dorJfBPbQ")).isEmpty(); // generic-password disabled
        assertThat(SecretScanner.builtIn().scanText("app/a.env", "DB_PASSWORD=Tr0ub4dorJfBPbQ")).isNotEmpty();
        assertThat(s.wants("app/fixtures/keys.txt")).isFalse();
        assertThat(s.wants("app/src/keys.txt")).isTrue();
        assertThat(s.rules().rule("generic-password")).isNull();
        assertThat(s.rules().checksum()).isNotEqualTo(SecretRules.builtIn().checksum());
    }

    @Test
    void noSecretsKeyChangesNothing() {
        SecretConfig c = parse("dockerfile:\n  ignored: [DL3008]\n");
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.applyTo(SecretRules.builtIn())).isSameAs(SecretRules.builtIn());
        assertThat(parse("").isEmpty()).isTrue();
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> parse("""
                secrets:
                  rules:
                    - id: bad
                      regex: 'acme_([a-z'
                      keywords: [acme_]
                """)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:4: secrets: bad regular expression 'acme_([a-z'");
        assertThatThrownBy(() -> parse("""
                secrets:
                  rules:
                    - id: x
                      regex: 'x_[a-z]{9}'
                      keywords: [x_]
                      severty: high
                """)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:6: secrets: unknown key 'severty'");
        assertThatThrownBy(() -> parse("secrets:\n  allow:\n    regex: ['a']\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:3: secrets: unknown key 'regex'");
        assertThatThrownBy(() -> parse("secrets:\n  rulez: []\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:2: secrets: unknown key 'rulez'");
        assertThatThrownBy(() -> parse("secrets:\n  disable: [generic-pasword]\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:2: secrets: 'generic-pasword' is not a built-in secret rule");
        assertThatThrownBy(() -> parse("secrets:\n  rules:\n    - id: x\n      regex: 'x_[a-z]{9}'\n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith(".drydock.yaml:3: secrets: secret rule 'x' needs 'keywords'");
        assertThatThrownBy(() -> parse("secrets:\n  rules:\n    - id: github-pat\n      regex: 'x'\n      keywords: [x]\n"))
                .isInstanceOf(InputException.class).hasMessageContaining(":3: secrets: 'github-pat' is a built-in rule's id");
        assertThatThrownBy(() -> parse("secrets:\n  rules:\n    - id: x\n      regex: 'x'\n      keywords: [x]\n      severity: urgent\n"))
                .isInstanceOf(InputException.class).hasMessageContaining(":6: secrets: secret rule 'x': severity 'urgent'");
        assertThatThrownBy(() -> parse("secrets: [\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith(".drydock.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void loadFindsDrydockYamlInTheWorkingDirectoryOrTheExplicitFile(@TempDir Path dir) throws Exception {
        assertThat(SecretConfig.load(null, dir).isEmpty()).isTrue();
        Files.writeString(dir.resolve(".drydock.yaml"), CONFIG);
        assertThat(SecretConfig.load(null, dir).rules()).hasSize(2);
        Path other = Files.writeString(dir.resolve("other.yaml"), "secrets:\n  disable: [generic-api-key]\n");
        assertThat(SecretConfig.load(other, dir).disable()).containsExactly("generic-api-key");
        assertThatThrownBy(() -> SecretConfig.load(dir.resolve("missing.yaml"), dir)).isInstanceOf(InputException.class)
                .hasMessageEndingWith("missing.yaml: config file not found");
    }

    /** The inline pragma works whatever the file's comment syntax: it is looked for on the match's line. */
    @Test
    void inlineIgnoreWorksInEveryFileType() {
        SecretScanner s = SecretScanner.builtIn();
        String token = "ghp_" + "R2d9Kq7LmX4vB8nT1cY6wZ3hJ5pF0sA9eU2g";
        List<String[]> files = List.of(
                new String[] {"app/config.yaml", "token: " + token, "token: " + token + "  # drydock:ignore"},
                new String[] {"app/index.js", "const t = '" + token + "';", "const t = '" + token + "'; // drydock:ignore"},
                new String[] {"app/settings.py", "T = '" + token + "'", "T = '" + token + "'  # drydock:ignore"},
                new String[] {"app/pom.xml", "<token>" + token + "</token>", "<token>" + token + "</token> <!-- drydock:ignore -->"},
                new String[] {"app/app.properties", "gh.token=" + token, "gh.token=" + token + " # drydock:ignore"},
                new String[] {"app/.env", "GH_TOKEN=" + token, "GH_TOKEN=" + token + " # drydock:ignore"},
                new String[] {"app/Main.java", "String t = \"" + token + "\";", "String t = \"" + token + "\"; /* drydock:ignore */"},
                new String[] {"app/init.sql", "-- x\nSELECT '" + token + "';", "-- x\nSELECT '" + token + "'; -- drydock:ignore"},
                new String[] {"app/run.sh", "export T=" + token, "export T=" + token + " # drydock:ignore"});
        for (String[] f : files) {
            assertThat(s.scanText(f[0], f[1])).as(f[0]).isNotEmpty();
            assertThat(s.scanText(f[0], f[2])).as(f[0] + " with the pragma").isEmpty();
            assertThat(s.scan(f[0], f[2].getBytes(StandardCharsets.UTF_8))).as(f[0] + " as bytes").isEmpty();
        }
    }
}
