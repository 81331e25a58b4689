package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0015Test {

    private final DD0015 rule = new DD0015();

    @Test
    void catches() {
        assertCatches(rule, "RUN pip install -r requirements.txt");
        assertCatches(rule, "RUN pip install --no-cache-dir -r requirements.txt");
        assertCatches(rule, "RUN pip3 install --no-cache-dir --upgrade -r /code/requirements.txt");   // FastAPI docs
        assertCatches(rule, "RUN python3 -m pip install -r requirements/prod.txt");
        assertCatches(rule, "RUN python -m pip install --requirement=requirements.txt");
        assertCatches(rule, "RUN pip3.12 install --requirement requirements.txt");
        assertCatches(rule, "RUN pip install -rrequirements.txt");
        assertCatches(rule, "RUN pip install -qr requirements.txt");                                 // flag cluster
        assertCatches(rule, "RUN pip install -c constraints.txt -r requirements.txt");
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt");
        assertCatches(rule, "RUN sudo pip install -r requirements.txt");
        assertCatches(rule, "RUN python -m venv /venv \\\n    && /venv/bin/pip install -r requirements.txt");
        assertCatches(rule, "RUN <<EOF\nset -e\npip install -r requirements.txt\nEOF");
        assertCatches(rule, "RUN [\"pip\", \"install\", \"-r\", \"requirements.txt\"]");
        assertCatches(rule, "ENV PIP_REQUIRE_HASHES=0\nRUN pip install -r requirements.txt");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN pip install --require-hashes -r requirements.txt");
        assertPasses(rule, "RUN pip install -r requirements.txt --require-hashes");
        assertPasses(rule, "RUN PIP_REQUIRE_HASHES=1 pip install -r requirements.txt");
        assertPasses(rule, "ENV PIP_REQUIRE_HASHES=1\nRUN pip install -r requirements.txt");
        assertPasses(rule, "FROM debian:12-slim\nARG PIP_REQUIRE_HASHES=true\nRUN pip install -r requirements.txt");
        assertPasses(rule, "RUN pip install --no-index --find-links=/wheels -r requirements.txt");  // local wheels
        assertPasses(rule, "RUN pip install --no-cache-dir flask==3.0.3");                          // DL3013's
        assertPasses(rule, "RUN pip install -e .");
        assertPasses(rule, "RUN pip download -r requirements.txt -d /wheels");
        assertPasses(rule, "RUN pip wheel -r requirements.txt -w /wheels");
        assertPasses(rule, "RUN echo 'pip install -r requirements.txt' >> /README");               // a string
        assertPasses(rule, "RUN uv pip install -r requirements.txt");                               // not pip
        assertPasses(rule, "RUN python -m venv /venv && python -m pip --version");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN pip install -r requirements.txt");
    }

    @Test
    void messageNamesTheFileAndPointsAtPip() {
        Violation v = lint(rule, "RUN set -eux; pip install -r requirements/base.txt -r requirements/prod.txt").get(0);
        assertThat(v.message()).isEqualTo("pip installs requirements/base.txt, requirements/prod.txt without "
                + "--require-hashes: the downloaded files are not checked against known hashes");
        assertThat(v.position().line()).isEqualTo(2);
        assertThat(v.position().column()).isEqualTo(15);
        assertThat(lint(rule, "RUN pip install -r a.txt && pip install -r b.txt")).hasSize(2);
    }
}
