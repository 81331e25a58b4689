package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3025Test {

    private final DL3025 rule = new DL3025();

    @Test
    void catches() {
        assertCatches(rule, "CMD something");
        assertCatches(rule, "CMD nginx -g 'daemon off;'");
        assertCatches(rule, "ENTRYPOINT /usr/local/bin/docker-entrypoint.sh");
        assertCatches(rule, "CMD gunicorn --bind 0.0.0.0:8000 app:app");
        assertCatches(rule, "CMD [ something ]");                       // not valid JSON: shell form
        assertCatches(rule, "ONBUILD CMD npm start");
        assertCatchesOnLines(rule, "ENTRYPOINT [\"tini\", \"--\"]\nCMD node server.js\n", 2);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "CMD [\"something\"]");
        assertPasses(rule, "CMD [\"nginx\", \"-g\", \"daemon off;\"]");
        assertPasses(rule, "ENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\"]");
        assertPasses(rule, "CMD [ \"something\" ]");
        assertPasses(rule, "RUN echo hello");
        assertPasses(rule, "HEALTHCHECK CMD curl -f http://localhost/");  // HEALTHCHECK is not CMD
    }
}
