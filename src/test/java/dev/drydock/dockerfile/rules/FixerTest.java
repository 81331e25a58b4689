package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.dockerfile.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixerTest {

    private static Violation v(String id, Edit... edits) {
        RuleInfo info = new RuleInfo(id, Severity.WARNING, "t", "r", "f", List.of(), "", "", true);
        return new Violation(info, Severity.WARNING, "m", "Dockerfile", Position.START, 1, List.of(edits));
    }

    @Test
    void appliesInsertsAtTheSamePlaceInRuleIdOrder() {
        String src = "RUN apt-get install curl\n";
        int at = src.indexOf(" curl");
        Fixer.Result r = Fixer.apply(src, List.of(v("DL3015", Edit.insert(at, " --no-install-recommends")), v("DL3014", Edit.insert(at, " -y"))));
        assertThat(r.text()).isEqualTo("RUN apt-get install -y --no-install-recommends curl\n");
        assertThat(r.fixed()).isEqualTo(2);
    }

    @Test
    void skipsAnEditThatOverlapsAnEarlierOne() {
        String src = "MAINTAINER me\n";
        Fixer.Result r = Fixer.apply(src, List.of(v("DL4000", new Edit(0, 13, "LABEL maintainer=\"me\"")), v("DL4001", new Edit(5, 10, "x"))));
        assertThat(r.text()).isEqualTo("LABEL maintainer=\"me\"\n");
        assertThat(r.fixed()).isEqualTo(1);
    }

    @Test
    void ignoresEditsOutsideTheText() {
        Fixer.Result r = Fixer.apply("FROM a\n", List.of(v("DL3020", new Edit(3, 99, "x"))));
        assertThat(r.text()).isEqualTo("FROM a\n");
        assertThat(r.fixed()).isZero();
    }

    @Test
    void violationsWithoutFixesChangeNothing() {
        assertThat(Fixer.apply("FROM a\n", List.of(v("DL3007"))).text()).isEqualTo("FROM a\n");
    }

    @Test
    void unifiedDiff() {
        String d = Fixer.diff("Dockerfile", "FROM a\nRUN x\n", "FROM a\nRUN y\n");
        assertThat(d).startsWith("--- a/Dockerfile\n+++ b/Dockerfile\n").contains("-RUN x\n+RUN y");
        assertThat(Fixer.diff("Dockerfile", "same\n", "same\n")).isEmpty();
    }
}
