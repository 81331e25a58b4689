package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL4003Test {

    private final DL4003 rule = new DL4003();

    @Test
    void hadolintSpec() {
        assertCatches(rule, "FROM debian\nCMD bash\nRUN foo\nCMD another\n");
        assertPasses(rule, "FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n");
        assertCatches(rule, "FROM debian as distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian as distro2\n"
                + "CMD another\n");
        assertPasses(rule, "CMD /bin/true");
    }

    @Test
    void catchesEveryLaterCmd() {
        assertCatchesOnLines(rule, "FROM nginx:1.27\nCMD [\"nginx\"]\nEXPOSE 80\nCMD [\"nginx\", \"-g\", "
                + "\"daemon off;\"]\n"
                + "CMD nginx\n", 4, 5);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM python:3.12\nENTRYPOINT [\"python\"]\nCMD [\"app.py\"]\n");
        assertPasses(rule, "FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD [\"app.py\"]\n");
        assertPasses(rule, "FROM python:3.12\nONBUILD CMD [\"a\"]\nCMD [\"b\"]\n");
        assertPasses(rule, "FROM python:3.12\nRUN echo CMD && echo CMD\nCMD [\"b\"]\n");
    }

    @Test
    void messageIsHadolintsAndPointsAtTheFirst() {
        var v = assertCatches(rule, "FROM debian:12\nCMD a\nCMD b\n");
        assertThat(v.get(0).message()).startsWith("Multiple `CMD` instructions found. If you list more than one "
                + "`CMD` then only the last `CMD` will take effect").contains("line 2");
    }
}
