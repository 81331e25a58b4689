package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3002Test {

    private final DL3002 rule = new DL3002();

    @Test
    void catches() {
        assertCatches(rule, "FROM scratch\nUSER root\n");
        assertCatches(rule, "FROM scratch\nUSER 0\n");
        assertCatches(rule, "FROM scratch\nUSER root:root\n");
        assertCatches(rule, "FROM scratch\nUSER 0:0\n");
        assertCatches(rule, "FROM scratch\nUSER app\nRUN x\nUSER root\n");
    }

    @Test
    void checksEveryStageAsHadolintDoes() {
        // Hadolint's "warns on transitive root user" and "warns on multiple stages"
        assertCatchesOnLines(rule, "FROM debian:12 AS base\nUSER root\nRUN something\nFROM base\nRUN more\n", 2);
        assertCatchesOnLines(rule, "FROM debian:12 AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\n", 2);
        assertCatchesOnLines(rule, "FROM debian:12\nUSER root\nFROM debian:12\nUSER 0\n", 2, 4);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM scratch\nUSER foo\n");
        assertPasses(rule, "FROM scratch\nUSER root\nRUN something\nUSER foo\n");
        assertPasses(rule, "FROM debian:12 AS base\nUSER root\nRUN x\nUSER foo\nFROM scratch\nRUN y\n");
        assertPasses(rule, "FROM scratch\nUSER 1000:0\n");          // root group only: not root user
        assertPasses(rule, "FROM scratch\nUSER rootless\n");
        assertPasses(rule, "FROM scratch\nUSER 65534\n");
        assertPasses(rule, "FROM scratch\nRUN id\n");               // no USER at all is not this rule
        assertPasses(rule, "FROM scratch\nUSER ${APP_USER}\n");
    }

    @Test
    void messageNamesStage() {
        var v = assertCatches(rule, "FROM debian:12 AS build\nUSER root\n");
        assertThat(v.get(0).message()).contains("build").contains("`root`");
    }
}
