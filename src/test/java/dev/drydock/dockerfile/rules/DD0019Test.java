package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DD0019Test {

    private final DD0019 rule = new DD0019();

    @Test
    void catches() {
        assertCatches(rule, "RUN --network=host apt-get update && apt-get install -y --no-install-recommends curl");
        assertCatches(rule, "RUN --network=HOST pip install --no-cache-dir -r requirements.txt");
        assertCatches(rule, "RUN --security=insecure mount -t tmpfs none /mnt");
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.cache \\\n    --network=host \\\n    go build ./...");
        assertCatches(rule, "FROM debian:12-slim\nARG NET=host\nRUN --network=$NET npm ci");
        assertCatches(rule, "RUN --network=host <<EOF\ncurl -fsSL http://localhost:8080/health\nEOF");
        assertCatches(rule, "RUN --network=host [\"/bin/sh\", \"-c\", \"make\"]");
        assertCatches(rule, "ONBUILD RUN --network=host make");
        // even in a Windows stage the flag weakens the build's isolation
        assertCatches(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN --network=host Invoke-WebRequest http://x");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN --network=none make test");
        assertPasses(rule, "RUN --network=default npm ci");
        assertPasses(rule, "RUN --security=sandbox make");
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt");
        assertPasses(rule, "RUN docker run --network=host alpine:3.20 true");   // the command's own flag
        assertPasses(rule, "RUN echo --network=host --security=insecure");
        assertPasses(rule, "RUN podman build --security-opt label=disable .");
        assertPasses(rule, "FROM debian:12-slim\nARG NET=none\nRUN --network=$NET make");
        assertPasses(rule, "COPY --link . /app");
    }

    @Test
    void reportsEachFlagAtItsPosition() {
        List<Violation> v = lint(rule, "RUN --security=insecure --network=host make");
        assertThat(v).extracting(Violation::message).containsExactly(
                "RUN --security=insecure runs this step privileged, with full access to the build host's kernel "
                        + "and devices",
                "RUN --network=host gives this step the build host's network, including localhost services and "
                        + "cloud metadata endpoints");
        assertThat(v.get(0).position().column()).isEqualTo(5);
        assertThat(v.get(1).position().column()).isEqualTo(25);
    }
}
