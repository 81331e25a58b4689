package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL4004Test {

    private final DL4004 rule = new DL4004();

    @Test
    void hadolintSpec() {
        assertPasses(rule, "FROM busybox");
        assertCatches(rule, "FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n");
        assertPasses(rule, "FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\n"
                + "ENTRYPOINT another\n");
        assertCatches(rule, "FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n"
                + "FROM debian as distro2\nENTRYPOINT another\n");
        assertPasses(rule, "ENTRYPOINT /bin/true");
    }

    @Test
    void catchesEveryLaterEntrypoint() {
        assertCatchesOnLines(rule, "FROM node:20\nENTRYPOINT [\"docker-entrypoint.sh\"]\nENTRYPOINT [\"node\"]\n"
                + "CMD [\"server.js\"]\nENTRYPOINT node\n", 3, 5);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM node:20\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\"]\n");
        assertPasses(rule, "FROM node:20 AS build\nENTRYPOINT [\"a\"]\nFROM build\nENTRYPOINT [\"b\"]\n");
        assertPasses(rule, "FROM node:20\nONBUILD ENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n");
    }

    @Test
    void messageIsHadolints() {
        var v = assertCatches(rule, "FROM debian:12\nENTRYPOINT a\nENTRYPOINT b\n");
        assertThat(v.get(0).message()).startsWith("Multiple `ENTRYPOINT` instructions found. If you list more than "
                + "one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect").contains("line 2");
        assertThat(v.get(0).line()).isEqualTo(3);
    }
}
