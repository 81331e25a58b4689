package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;

import org.junit.jupiter.api.Test;

class DL3012Test {

    private final DL3012 rule = new DL3012();

    @Test
    void catches() {
        assertCatchesOnLines(rule, "FROM scratch\nHEALTHCHECK CMD /bin/bla\nHEALTHCHECK CMD /bin/bla2\n", 3);
        assertCatchesOnLines(rule, "FROM scratch\nHEALTHCHECK CMD a\nHEALTHCHECK NONE\nHEALTHCHECK CMD b\n", 3, 4);
        assertCatchesOnLines(rule, "FROM node:20 AS a\nFROM nginx:1.25\n"
                + "HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n"
                + "EXPOSE 80\nHEALTHCHECK CMD wget -q -O- http://localhost/\n", 5);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM scratch\nHEALTHCHECK CMD /bin/bla\n");
        assertPasses(rule, "FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n");
        assertPasses(rule, "FROM scratch\nRUN echo HEALTHCHECK\n");
        assertPasses(rule, "FROM scratch\n");
    }
}
