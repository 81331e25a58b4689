package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3000Test {

    private final DL3000 rule = new DL3000();

    @Test
    void catches() {
        assertCatches(rule, "WORKDIR relative/dir");
        assertCatches(rule, "WORKDIR app");
        assertCatches(rule, "WORKDIR \"relative/dir\"");
        assertCatches(rule, "WORKDIR ./build");
        assertCatches(rule, "WORKDIR ../src");
        assertCatchesOnLines(rule, "WORKDIR /app\nRUN make\nWORKDIR src\n", 3);
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "WORKDIR /usr/src/app");
        assertPasses(rule, "WORKDIR \"/usr/src/app\"");
        assertPasses(rule, "WORKDIR '/usr/src/app'");
        assertPasses(rule, "WORKDIR $HOME/app");       // variable holding an absolute path (Hadolint's rule)
        assertPasses(rule, "WORKDIR ${APP_HOME}");
        assertPasses(rule, "WORKDIR C:\\\\app");       // Windows absolute
        assertPasses(rule, "WORKDIR c:/inetpub/wwwroot");
        assertPasses(rule, "RUN cd relative");          // not a WORKDIR
    }

    @Test
    void namesThePathAtTheArgument() {
        var v = assertCatches(rule, "WORKDIR   src/app");
        assertThat(v.get(0).message()).contains("`src/app`");
        assertThat(v.get(0).position().column()).isEqualTo(11);
    }
}
