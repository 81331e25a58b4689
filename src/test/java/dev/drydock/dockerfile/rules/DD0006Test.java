package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0006Test {

    private final DD0006 rule = new DD0006();

    @Test
    void catches() {
        assertCatches(rule, "COPY .env /app/.env");
        assertCatches(rule, "COPY .env.production ./");
        assertCatches(rule, "COPY package.json package-lock.json .npmrc ./");
        assertCatches(rule, "COPY id_rsa /root/.ssh/id_rsa");
        assertCatches(rule, "COPY keys/id_ed25519 /home/app/.ssh/");
        assertCatches(rule, "COPY .ssh /root/.ssh");
        assertCatches(rule, "COPY --chown=app:app .aws/ /home/app/.aws/");
        assertCatches(rule, "COPY .git /src/.git");
        assertCatches(rule, "COPY .git/ ./.git/");
        assertCatches(rule, "ADD server.key /etc/nginx/ssl/");
        assertCatches(rule, "COPY certs/privkey.pem /etc/letsencrypt/live/example.com/");
        assertCatches(rule, "COPY credentials.json /app/");
        assertCatches(rule, "COPY keystore.p12 /opt/app/");
        assertCatches(rule, "COPY .pypirc /root/");
        assertCatches(rule, "COPY .netrc /root/.netrc");
        assertCatches(rule, "COPY .git-credentials /root/");
        assertCatches(rule, "COPY .docker/config.json /root/.docker/config.json");
        assertCatches(rule, "COPY [\"secrets/.env\", \"/app/\"]");
        assertCatches(rule, "COPY --from=builder /root/.ssh /root/.ssh");
        assertCatches(rule, "COPY *.key /etc/ssl/private/");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "COPY . .");                                      // DD0017's case
        assertPasses(rule, "COPY . /app");
        assertPasses(rule, "COPY .env.example /app/");
        assertPasses(rule, "COPY .env.sample .env.template ./");
        assertPasses(rule, "COPY .github/ /src/.github/");
        assertPasses(rule, "COPY .gitignore .dockerignore ./");
        assertPasses(rule, "COPY ca.pem /usr/local/share/ca-certificates/ca.crt");
        assertPasses(rule, "COPY certs/server-cert.pem /etc/ssl/certs/");
        assertPasses(rule, "COPY fullchain.pem /etc/nginx/");
        assertPasses(rule, "COPY id_rsa.pub /root/.ssh/authorized_keys");
        assertPasses(rule, "COPY public.key /etc/apt/keyrings/");
        assertPasses(rule, "COPY src/environment.ts /app/src/");
        assertPasses(rule, "COPY requirements.txt /app/.env");               // the destination is not the source
        assertPasses(rule, "ADD https://example.com/id_rsa.tar.gz /tmp/");  // remote: DD0012's business
        assertPasses(rule, "RUN cp .env /app/");
        assertPasses(rule, "COPY <<EOF /app/.env\nMODE=prod\nEOF");
    }

    @Test
    void messageNamesSourceAndKind() {
        var v = assertCatches(rule, "COPY package.json .npmrc ./");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`.npmrc`").contains("a credential file");
        assertThat(v.get(0).position().column()).isEqualTo(19);
        assertThat(assertCatches(rule, "COPY .git /src/.git").get(0).message()).contains("git history");
    }
}
