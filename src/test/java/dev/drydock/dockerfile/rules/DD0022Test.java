package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DD0022Test {

    private final DD0022 rule = new DD0022();

    /** Any provider credential on the command line, found by the image secret scanner's rules and named by id. */
    @Test
    void catchesProviderCredentialsAnywhereOnTheLine() {
        String stripe = "sk_live_" + "51Hq7Kd9LmX4vB8nT1cY6wZ3hJ5pF0sA9eU2gRtY";
        var v = assertCatches(rule, "RUN ./configure-billing --key " + stripe);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("configure-billing gets a Stripe live secret key").contains("(secret rule stripe-")
                .doesNotContain(stripe.substring(8, 16));
        String ghp = "ghp_" + "R2d9Kq7LmX4vB8nT1cY6wZ3hJ5pF0sA9eU2g";
        // one finding, from the URL check, not a second one from the scanner
        assertThat(assertCatches(rule, "RUN git clone https://" + ghp + "@github.com/org/app.git")).hasSize(1);
        assertThat(assertCatches(rule, "RUN GITHUB_TOKEN=" + ghp + " make release")).hasSize(1);
        assertPasses(rule, "RUN echo AKIAIOSFODNN7EXAMPLE > /dev/null");       // AWS's documented example key
        assertPasses(rule, "RUN ./tool --token \"$(cat /run/secrets/token)\"");
    }

    @Test
    void catches() {
        assertCatches(rule, "RUN curl -fsSL -u deploy:s3cr3tPassw0rd https://repo.example.com/a.tgz -o /a.tgz");
        assertCatches(rule, "RUN curl --user 'deploy:s3cr3t' -O https://repo.example.com/a.tgz");
        assertCatches(rule, "RUN curl -fsSLu deploy:s3cr3t https://repo.example.com/a.tgz");    // flag cluster
        assertCatches(rule, "RUN curl -H 'Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a' "
                + "https://api.github.com/user");
        assertCatches(rule, "RUN curl --header \"PRIVATE-TOKEN: glpat-abcdefghij123\" https://gitlab.com/api/v4/x");
        assertCatches(rule, "RUN curl -H \"X-API-Key: abc123def456\" https://api.example.com");
        assertCatches(rule, "RUN git clone https://oauth2:glpat-abcdefghij123@gitlab.com/group/app.git /src");
        assertCatches(rule, "RUN pip install --index-url https://ci:t0k3n@pypi.example.com/simple flask==3.0.3");
        assertCatches(rule, "RUN git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/app.git");
        assertCatches(rule, "RUN wget --user=scott --password=tiger ftp://ftp.example.com/data.tgz");
        assertCatches(rule, "RUN wget --http-password tiger https://example.com/data.tgz");
        assertCatches(rule, "RUN docker login -u ci -p hunter22 registry.example.com");
        assertCatches(rule, "RUN helm registry login registry.example.com --username ci --password=hunter22");
        assertCatches(rule, "RUN mysql -uroot -pS3cret! -e 'CREATE DATABASE app'");
        assertCatches(rule, "RUN mysqladmin --password=S3cret! ping");
        assertCatches(rule, "RUN sshpass -p 'Pa55word' scp deploy@host:/a /a");
        assertCatches(rule, "RUN npm config set //registry.npmjs.org/:_authToken npm_abcdefghijklmnop");
        assertCatches(rule, "RUN npm config set //npm.pkg.github.com/:_authToken=ghp_abcdefghijklmnop");
        assertCatches(rule, "RUN yarn config set npmAuthToken abcdefghijklmnop");
        // credentials in variables set for one command
        assertCatches(rule, "RUN GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a make release");
        assertCatches(rule, "RUN export NPM_TOKEN=abcdef123456 && npm ci");
        assertCatches(rule, "RUN DB_PASSWORD='hunter22' ./migrate.sh");
        assertCatches(rule, "RUN env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE aws s3 cp s3://b/a /a");
        assertCatches(rule, "RUN set -e \\\n && curl \\\n      -u deploy:s3cr3t \\\n      -O https://x.example.com/a");
        assertCatches(rule, "RUN <<EOF\ncurl -u deploy:s3cr3t -O https://x.example.com/a\nEOF");
        assertCatches(rule, "RUN sh -c 'curl -u deploy:s3cr3t -O https://x.example.com/a'");
        assertCatches(rule, "RUN [\"curl\", \"-u\", \"deploy:s3cr3t\", \"-O\", \"https://x.example.com/a\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN curl -u \"deploy:$REPO_PASSWORD\" -O https://repo.example.com/a.tgz");
        assertPasses(rule, "RUN curl -u \"deploy:${REPO_PASSWORD}\" -O https://repo.example.com/a.tgz");
        assertPasses(rule, DD0022.INFO.passing());
        assertPasses(rule, "RUN curl -u deploy -O https://repo.example.com/a.tgz");          // curl prompts
        assertPasses(rule, "RUN curl -H \"Authorization: Bearer $(cat /run/secrets/token)\" https://api.example.com");
        assertPasses(rule, "RUN curl -H \"Authorization: token ${GITHUB_TOKEN}\" https://api.github.com/user");
        assertPasses(rule, "RUN curl -H 'Accept: application/vnd.github+json' https://api.github.com/user");
        assertPasses(rule, "RUN curl -fsSL https://download.docker.com/linux/debian/gpg -o /docker.asc");
        assertPasses(rule, "RUN git clone https://oauth2:${GITLAB_TOKEN}@gitlab.com/group/app.git /src");
        assertPasses(rule, "RUN git clone https://${GITHUB_TOKEN}@github.com/org/app.git");
        assertPasses(rule, "RUN git clone git@github.com:org/app.git");
        assertPasses(rule, "RUN git clone https://github.com/org/app.git");
        assertPasses(rule, "RUN git clone https://deploy@git.example.com/org/app.git");       // user only
        assertPasses(rule, "RUN pip install --index-url https://pypi.example.com:8443/simple flask==3.0.3");
        assertPasses(rule, "RUN --mount=type=secret,id=reg cat /run/secrets/reg | docker login -u ci "
                + "--password-stdin registry.example.com");
        assertPasses(rule, "RUN docker login -u ci -p \"$REGISTRY_PASSWORD\" registry.example.com");
        assertPasses(rule, "RUN mysql -h db -P 3306 -u root -p");                             // prompts
        assertPasses(rule, "RUN mysql -uroot -p\"$MYSQL_ROOT_PASSWORD\" -e 'SELECT 1'");
        assertPasses(rule, "RUN echo 'curl -u deploy:s3cr3t' >> /README");                  // a string
        assertPasses(rule, "RUN npm config set registry https://registry.npmjs.org/");
        assertPasses(rule, "RUN npm config set //registry.npmjs.org/:_authToken '${NPM_TOKEN}'");
        assertPasses(rule, "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci");
        assertPasses(rule, "ENV SOME_URL=https://example.com");
        assertPasses(rule, "RUN NPM_TOKEN=\"$(cat /run/secrets/npm)\" npm ci");
        assertPasses(rule, "RUN PASSWORD_FILE=/run/secrets/pw ./setup.sh");
        assertPasses(rule, "RUN SKIP_TOKEN_CHECK=1 make");
        assertPasses(rule, "RUN GITHUB_TOKEN_URL=https://api.github.com make");
        assertPasses(rule, "RUN AWS_REGION=eu-west-1 aws s3 cp s3://b/a /a");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN curl -u deploy:s3cr3t https://x/a");
    }

    @Test
    void messagesRedactTheSecret() {
        List<String[]> rows = List.of(
                new String[] {"RUN curl -fsSL -u deploy:s3cr3tPassw0rd https://x.example.com/a", "s3cr3tPassw0rd",
                        "curl -u passes the password of user 'deploy' (s3c****) in the image history; mount it "
                                + "with --mount=type=secret"},
                new String[] {"RUN git clone https://oauth2:glpat-abcdefghij123@gitlab.com/g/app.git", "glpat-abcdefghij123",
                        "a URL in git carries the password of user 'oauth2' (glp****) in the image history; mount it "
                                + "with --mount=type=secret"},
                new String[] {"RUN curl -H 'Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a' https://x",
                        "ghp_16C7e42F292c6912E7710c838347Ae178B4a", null},
                new String[] {"RUN git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/a.git",
                        "ghp_16C7e42F292c6912E7710c838347Ae178B4a", null},
                new String[] {"RUN docker login -u ci -p hunter22 registry.example.com", "hunter22",
                        "docker login -p passes the registry password (hu****) in the image history; mount it with "
                                + "--mount=type=secret"},
                new String[] {"RUN mysql -uroot -pS3cret! -e 'SELECT 1'", "S3cret!", null},
                new String[] {"RUN sshpass -p 'Pa55word' scp a:/a /a", "Pa55word", null},
                new String[] {"RUN npm config set //registry.npmjs.org/:_authToken npm_abcdefghijklmnop",
                        "npm_abcdefghijklmnop", null},
                new String[] {"RUN wget --password=tiger ftp://x/a", "tiger", null},
                new String[] {"RUN curl -u a:xy https://x/a", "xy", null},
                new String[] {"RUN DB_PASSWORD='hunter22' ./migrate.sh", "hunter22",
                        "DB_PASSWORD is set to a literal value (hu****) in the image history; mount it with "
                                + "--mount=type=secret"});
        for (String[] row : rows) {
            List<Violation> v = lint(rule, row[0]);
            assertThat(v).as(row[0]).isNotEmpty();
            for (Violation x : v) {
                assertThat(x.message()).as(row[0]).doesNotContain(row[1]).contains("****");
                // not even a long part of it
                if (row[1].length() > 6) {
                    assertThat(x.message()).as(row[0]).doesNotContain(row[1].substring(3));
                }
            }
            if (row[2] != null) {
                assertThat(v.get(0).message()).isEqualTo(row[2]);
            }
        }
    }

    @Test
    void redactShowsAtMostAThirdAndNeverMoreThanThreeCharacters() {
        assertThat(DD0022.redact("s3cr3tPassw0rd")).isEqualTo("s3c****");
        assertThat(DD0022.redact("hunter2")).isEqualTo("hu****");
        assertThat(DD0022.redact("xy")).isEqualTo("****");
        assertThat(DD0022.redact("")).isEqualTo("****");
    }

    @Test
    void onePerSecretEvenThroughWrappers() {
        assertThat(lint(rule, "RUN sudo curl -u deploy:s3cr3t https://x/a")).hasSize(1);
        assertThat(lint(rule, "RUN curl -u a:s3cr3t https://x/a && curl -u a:0th3r https://x/b")).hasSize(2);
    }
}
