package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.dockerfile.DockerfileParser;
import dev.drydock.dockerfile.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DL4000Test {

    private final DL4000 rule = new DL4000();

    @Test
    void catches() {
        // Hadolint's spec
        assertCatches(rule, "FROM busybox\nMAINTAINER hudu@mail.com");
        assertCatches(rule, "FROM debian\nMAINTAINER Lukas");
        assertCatches(rule, "MAINTAINER Lukas\nFROM debian");
        // real-world: old official images
        assertCatchesOnLines(rule, "FROM ubuntu:14.04\nMAINTAINER Docker Education Team <education@docker.com>\n"
                + "RUN apt-get update\n", 2);
        assertCatches(rule, "FROM centos:7\nmaintainer \"The CentOS Project\" <cloud-ops@centos.org>\n");
        assertCatches(rule, "FROM debian:12\nONBUILD MAINTAINER someone\n".replace("ONBUILD ", ""));
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "FROM debian");
        assertPasses(rule, "FROM debian:12\nLABEL maintainer=\"Lukas <l@example.com>\"\n");
        assertPasses(rule, "FROM debian:12\nLABEL org.opencontainers.image.authors=\"jane@example.com\"\n");
        assertPasses(rule, "FROM debian:12\nRUN echo MAINTAINER me\n");
        assertPasses(rule, "FROM debian:12\n# MAINTAINER nobody\n");
    }

    @Test
    void fixRewritesToLabelKeepingTheExactText() {
        assertThat(RuleTester.fixed(rule, "FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\nRUN x\n"))
                .isEqualTo("FROM debian:12\nLABEL maintainer=\"Jane Doe <jane@example.com>\"\nRUN x\n");
        // quotes, $ (MAINTAINER does not expand, LABEL would) and backslashes are escaped
        assertThat(RuleTester.fixed(rule, "FROM debian:12\nMAINTAINER \"The CentOS Project\" $USER C:\\x\n"))
                .isEqualTo("FROM debian:12\nLABEL maintainer=\"\\\"The CentOS Project\\\" \\$USER C:\\\\x\"\n");
        // continuation lines are joined into one label
        assertThat(RuleTester.fixed(rule, "FROM debian:12\nMAINTAINER Jane \\\n  Doe\n"))
                .isEqualTo("FROM debian:12\nLABEL maintainer=\"Jane   Doe\"\n");
    }

    @Test
    void fixedLabelParsesBackToTheMaintainerText() throws Exception {
        String fixed = RuleTester.fixed(rule, "FROM debian:12\nMAINTAINER \"Q\" $HOME \\ me\n");
        var label = DockerfileParser.parse("Dockerfile", fixed).all("LABEL").get(0).pairs().get(0);
        assertThat(label.key()).isEqualTo("maintainer");
        // the parser keeps \$ for later expansion; expanded, the label is the MAINTAINER text again
        assertThat(Variables.expand(label.value(), Map.of("HOME", "/root"), '\\')).isEqualTo("\"Q\" $HOME \\ me");
    }

    @Test
    void backtickEscapeDirectiveIsUsedInTheFix() {
        assertThat(RuleTester.fixed(rule, "# escape=`\nFROM debian:12\nMAINTAINER \"Jane\"\n"))
                .isEqualTo("# escape=`\nFROM debian:12\nLABEL maintainer=\"`\"Jane`\"\"\n");
    }

    @Test
    void noFixBeforeFrom() {
        var v = assertCatches(rule, "ARG V=1\nMAINTAINER Lukas\nFROM debian");
        assertThat(v.get(0).fixes()).isEmpty();
        assertThat(v.get(0).message()).isEqualTo("MAINTAINER is deprecated");
    }
}
