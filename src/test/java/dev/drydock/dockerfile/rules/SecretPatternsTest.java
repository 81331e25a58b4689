package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretPatternsTest {

    @Test
    void secretNames() {
        for (String name : new String[] {"AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN",
                "GITHUB_TOKEN", "GH_TOKEN", "NPM_TOKEN", "NPM_AUTH_TOKEN", "HF_TOKEN", "API_KEY", "OPENAI_API_KEY",
                "APIKEY", "STRIPE_SECRET_KEY", "PRIVATE_KEY", "SSH_PRIVATE_KEY", "DB_PASSWORD", "POSTGRES_PASSWORD",
                "MYSQL_ROOT_PASSWORD", "MYSQL_PWD", "SMTP_PASS", "REDIS_PASSWD", "GPG_PASSPHRASE", "CLIENT_SECRET",
                "AZURE_CLIENT_SECRET", "JWT_SECRET", "SECRET_KEY_BASE", "DJANGO_SECRET_KEY", "CREDENTIALS",
                "DOCKER_CREDENTIALS", "apiKey", "dbPassword", "com.example.api-key", "auth_token", "SLACK_BOT_TOKEN",
                "NEW_RELIC_LICENSE_KEY", "ENCRYPTION_KEY", "TOKEN", "SECRET"}) {
            assertThat(SecretPatterns.secretName(name)).as(name).isTrue();
        }
    }

    @Test
    void notSecretNames() {
        for (String name : new String[] {"GPG_KEY", "GPG_KEYS", "PGP_KEY", "PUBLIC_KEY", "NODE_VERSION", "PATH",
                "PWD", "DB_PASSWORD_FILE", "MYSQL_ROOT_PASSWORD_FILE", "SECRETS_DIR", "TOKEN_URL",
                "PASSWORD_MIN_LENGTH",
                "GITHUB_TOKEN_PATH", "PASSWORD_REQUIRED", "TOKENIZERS_PARALLELISM", "KEY", "KEYRING", "BYPASS",
                "PASSENGER_VERSION", "SECRET_NAME", "PYTHON_GPG_KEY", "org.opencontainers.image.authors",
                "JAVA_HOME", "LANG", "DEBIAN_FRONTEND", "PIP_NO_CACHE_DIR", "AWS_REGION", "KEYCLOAK_VERSION"}) {
            assertThat(SecretPatterns.secretName(name)).as(name).isFalse();
        }
    }

    @Test
    void shapes() {
        assertThat(SecretPatterns.secretShape("AKIAIOSFODNN7EXAMPLE")).contains("an AWS access key id");
        assertThat(SecretPatterns.secretShape("ghp_" + "a".repeat(36))).contains("a GitHub token");
        assertThat(SecretPatterns.secretShape("github_pat_11ABCDEFG0123456789_abcdefghijklmnop")).contains("a "
                + "GitHub token");
        assertThat(SecretPatterns.secretShape("xoxb-123456789012-abcdefghij")).contains("a Slack token");
        assertThat(SecretPatterns.secretShape("glpat-abcdefghij0123456789")).contains("a GitLab personal access token (secret rule gitlab-pat)");
        assertThat(SecretPatterns.secretShape("-----BEGIN RSA PRIVATE KEY-----\\nMIIE")).contains("a private key");
        assertThat(SecretPatterns.secretShape("-----BEGIN OPENSSH PRIVATE KEY-----")).contains("a private key");
        assertThat(SecretPatterns.secretShape("-----BEGIN PRIVATE KEY-----")).contains("a private key");
        assertThat(SecretPatterns.secretShape(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
                        + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
                .contains("a JSON Web Token (secret rule jwt)");
        assertThat(SecretPatterns.secretShape("postgres://app:hunter22@db:5432/app")).hasValueSatisfying(v ->
                assertThat(v).contains("URL with a password"));
        assertThat(SecretPatterns.secretShape("https://user:tok3n@registry.example.com/simple")).contains("a "
                + "URL with a password");
    }

    @Test
    void notShapes() {
        assertThat(SecretPatterns.secretShape("postgres://app:${DB_PASSWORD}@db/app")).isEmpty();
        assertThat(SecretPatterns.secretShape("postgres://app:$DB_PASSWORD@db/app")).isEmpty();
        assertThat(SecretPatterns.secretShape("https://github.com/example/app")).isEmpty();
        assertThat(SecretPatterns.secretShape("https://git@github.com/example/app")).isEmpty();     // user, no password
        assertThat(SecretPatterns.secretShape("-----BEGIN PUBLIC KEY-----")).isEmpty();
        assertThat(SecretPatterns.secretShape("-----BEGIN CERTIFICATE-----")).isEmpty();
        assertThat(SecretPatterns.secretShape("AKIA-not-a-key")).isEmpty();
        assertThat(SecretPatterns.secretShape("A035C8C19219BA821ECEA86B64E628F8D684696D")).isEmpty(); // GPG fingerprint
        assertThat(SecretPatterns.secretShape("")).isEmpty();
        assertThat(SecretPatterns.secretShape(null)).isEmpty();
    }

    @Test
    void literalValues() {
        assertThat(SecretPatterns.literalSecret("hunter2")).isTrue();
        assertThat(SecretPatterns.literalSecret("changeme")).isTrue();
        assertThat(SecretPatterns.literalSecret("")).isFalse();
        assertThat(SecretPatterns.literalSecret(null)).isFalse();
        assertThat(SecretPatterns.literalSecret("$TOKEN")).isFalse();
        assertThat(SecretPatterns.literalSecret("${TOKEN}")).isFalse();
        assertThat(SecretPatterns.literalSecret("${TOKEN:-}")).isFalse();
        assertThat(SecretPatterns.literalSecret("${A}${B}")).isFalse();
        assertThat(SecretPatterns.literalSecret("/run/secrets/db_password")).isFalse();
        assertThat(SecretPatterns.literalSecret("false")).isFalse();
    }

    @Test
    void redaction() {
        assertThat(SecretPatterns.redact("ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("ghp_****");
        assertThat(SecretPatterns.redact("hunter2")).isEqualTo("****");       // short: nothing shown
        assertThat(SecretPatterns.redact(null)).isEqualTo("****");
    }
}
