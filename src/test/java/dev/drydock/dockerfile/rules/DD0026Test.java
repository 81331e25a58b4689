package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DD0026Test {

    private final DD0026 rule = new DD0026();

    @Test
    void catches() {
        assertCatches(rule, "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci");
        assertCatches(rule, "RUN --mount=type=secret,id=npmrc cp -f /run/secrets/npmrc ./.npmrc && npm ci");
        assertCatches(rule, "RUN --mount=type=secret,id=aws cat /run/secrets/aws > /root/.aws/credentials");
        assertCatches(rule, "RUN --mount=type=secret,id=aws cat /run/secrets/aws >> /root/.aws/credentials");
        assertCatches(rule, "RUN --mount=type=secret,id=key,target=/tmp/key cp /tmp/key /app/key.pem");
        assertCatches(rule, "RUN --mount=type=secret,id=key,dst=/tmp/key cp /tmp/key /app/key.pem");
        assertCatches(rule, "RUN --mount=type=secret,id=netrc install -m 600 /run/secrets/netrc /root/.netrc");
        assertCatches(rule, "RUN --mount=type=secret,id=ssh rsync -a /run/secrets/ssh /root/.ssh/id_ed25519");
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=secret,id=npmrc \\\n"
                + "    cp /run/secrets/npmrc /root/.npmrc \\\n && npm ci");
        assertCatches(rule, "RUN --mount=type=secret,id=npmrc <<EOF\ncp /run/secrets/npmrc /root/.npmrc\nnpm ci\nEOF");
        assertCatches(rule, "RUN --mount=type=secret,id=tok sh -c 'cat /run/secrets/tok > /etc/token'");
        assertCatches(rule, "RUN --mount=type=secret,id=npmrc tee /root/.npmrc < /run/secrets/npmrc > /dev/null");
        // removed, but a different file than the copy
        assertCatches(rule, "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci "
                + "&& rm /app/.npmrc");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci");
        assertPasses(rule, "RUN --mount=type=secret,id=pip,target=/etc/pip.conf pip install -r requirements.txt");
        assertPasses(rule, "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc .npmrc && npm ci && rm .npmrc");
        assertPasses(rule, "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc .npmrc && npm ci "
                + "&& rm -f .npmrc");
        assertPasses(rule, "RUN --mount=type=secret,id=aws cat /run/secrets/aws > /tmp/c && aws s3 ls "
                + "&& shred -u /tmp/c");
        assertPasses(rule, "RUN --mount=type=secret,id=tok TOKEN=$(cat /run/secrets/tok) make");
        assertPasses(rule, "RUN --mount=type=secret,id=tok cat /run/secrets/tok | docker login -u ci "
                + "--password-stdin registry.example.com");
        assertPasses(rule, "RUN --mount=type=secret,id=tok cat /run/secrets/tok > /dev/null");
        assertPasses(rule, "RUN --mount=type=secret,id=tok,env=TOKEN make");                 // an env secret
        assertPasses(rule, "RUN --mount=type=secret,id=tok cp /etc/hosts /tmp/hosts");      // not the secret
        assertPasses(rule, "RUN cp /run/secrets/npmrc /root/.npmrc");                        // no secret mount
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.npm cp a b");
        assertPasses(rule, "RUN --mount=type=secret,id=tok echo 'cp /run/secrets/tok /x'");
        assertPasses(rule, "COPY --chmod=600 npmrc /root/.npmrc");
        assertPasses(rule, "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc ~/.npmrc && npm ci && rm ~/.npmrc");
        assertPasses(rule, "RUN --mount=type=secret,id=tok tee /dev/stderr < /run/secrets/tok");
    }

    @Test
    void messageNamesSecretAndDestination() {
        List<Violation> v = lint(rule, "RUN --mount=type=secret,id=npmrc --mount=type=secret,id=pip "
                + "cp /run/secrets/npmrc /root/.npmrc && cat /run/secrets/pip > /etc/pip.conf && npm ci");
        assertThat(v).extracting(Violation::message).containsExactly(
                "secret /run/secrets/npmrc is copied to /root/.npmrc, which stays in the layer",
                "secret /run/secrets/pip is copied to /etc/pip.conf, which stays in the layer");
        assertThat(DD0026.secretPaths(RuleTester.parse("RUN --mount=type=secret,id=a "
                + "--mount=type=secret,id=b,target=/b --mount=type=secret,id=c,env=C true").instructions().get(1)))
                .containsExactly("/run/secrets/a", "/b");
    }
}
