package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3044Test {

    private final DL3044 rule = new DL3044();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "ENV BLA=\"blubb\" BLUBB=\"$BLA/$BLAFOO/blubb\"");      // partial match 5
        assertCatches(rule, "ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}");          // twice in the same ENV
        assertCatches(rule, "ENV BLA=\"blubb\" BLUBB=\"${BLA}/blubb\"");
        assertCatches(rule, "ENV BLA=\"blubb\" BLUBB=\"$BLA/blubb\"");
        assertCatches(rule, "ENV BLA=\"blubb\" BLUBB=\"$BLA\"");
        assertCatches(rule, "ENV BLA=\"blubb\" BLUBB=\"${BLA}\"");
    }

    @Test
    void catchesRealWorld() {
        // the classic: a home directory and a path below it in one ENV
        assertCatches(rule, "ENV JAVA_HOME=/opt/java/openjdk PATH=$JAVA_HOME/bin:$PATH");
        assertCatches(rule, "ENV GOPATH=/go \\\n    PATH=$GOPATH/bin:/usr/local/go/bin:$PATH");
        assertCatches(rule, "ENV APP_HOME=/opt/app APP_LOGS=${APP_HOME:-/srv}/logs");         // ${X:-default}
        assertCatches(rule, "ENV BIN=$APP/bin APP=/opt/app");                                    // used before defined
        assertCatchesOnLines(rule, "ENV A=1\nENV B=2 C=$B\nENV D=$C", 2);
    }

    @Test
    void doesNotCatchHadolintSpec() {
        assertPasses(rule, "ENV BLA=\"blubb\"\nENV BLUBB=\"${BLA}/blubb\"");
        assertPasses(rule, "ENV BLA=\"blubb\" BLUBB=\"${FOOBLA}/blubb\"");
        assertPasses(rule, "ENV BLA=\"blubb\" BLUBB=\"${BLAFOO}/blubb\"");
        assertPasses(rule, "ENV BLA=\"blubb\" BLUBB=\"$FOOBLA/blubb\"");
        assertPasses(rule, "ENV BLA=\"blubb\" BLUBB=\"$BLAFOO/blubb\"");
        assertPasses(rule, "ENV BLA=\"blubb\" BLUBB=\"BLA/$BLAFOO/BLA\"");
        assertPasses(rule, "ARG BLA\nENV BLA=${BLA}");
        assertPasses(rule, "ENV BLA blubb\nENV BLA=${BLA}");
        assertPasses(rule, "ENV PATH=/bla:${PATH}");
        assertPasses(rule, "ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}");
    }

    @Test
    void doesNotCatchRealWorld() {
        // official python image: variables defined in earlier ENVs
        assertPasses(rule, "ENV PYTHON_VERSION=3.12.2\nENV PATH=/usr/local/bin:$PATH LANG=C.UTF-8");
        // defined earlier (ARG), redefined and used in one ENV: the reference means the earlier value
        assertPasses(rule, "ARG NODE_VERSION=20.11.1\nENV NODE_VERSION=$NODE_VERSION YARN_VERSION=1.22.19 "
                + "NODE_URL=https://nodejs.org/dist/v$NODE_VERSION");
        assertPasses(rule, "ENV LANG=C.UTF-8 LC_ALL=C.UTF-8");
        assertPasses(rule, "ENV PRICE=\\$5 CURRENCY=USD");
        assertPasses(rule, "LABEL a=1 b=$a");                                          // not ENV
        // inherited from the stage this one builds on
        assertPasses(rule, "FROM debian:12 AS base\nENV APP=/opt/app\nFROM base\nENV APP=/srv BIN=$APP/bin");
    }

    @Test
    void messageNamesTheVariableAndReportsAtTheUse() {
        var v = assertCatches(rule, "ENV JAVA_HOME=/opt/java PATH=$JAVA_HOME/bin:$PATH");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("`PATH` uses `$JAVA_HOME`");
        assertThat(v.get(0).position().column()).isEqualTo(25);
    }
}
