package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertCatchesOnLines;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL4006Test {

    private final DL4006 rule = new DL4006();

    @Test
    void hadolintSpec() {
        assertCatches(rule, "FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n");
        assertPasses(rule, "FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/bin/bash\", \"-e\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/bin/bash\", \"-o\", \"errexit\", \"-o\", "
                + "\"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/usr/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"/usr/local/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertPasses(rule, "FROM scratch as build\nSHELL [\"pwsh\", \"-c\"]\n"
                + "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n");
        assertCatches(rule, "FROM scratch as build\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n");
        assertCatchesOnLines(rule, "FROM scratch as build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n", 5);
        assertCatchesOnLines(rule, "FROM scratch as build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\nSHELL [\"/bin/sh\", \"-c\"]\n"
                + "RUN wget -O - https://some.site | wc -l file > /number\n", 5);
        assertPasses(rule, "FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ \"pwsh\", \"-c\" ]\n"
                + "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n");
        assertPasses(rule, "FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ \"powershell.exe\" ]\n"
                + "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n");
        assertPasses(rule, "FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ \"cmd.exe\", \"/c\" ]\n"
                + "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n");
    }

    @Test
    void catchesPipesAtAnyDepth() {
        assertCatches(rule, "RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -");
        assertCatches(rule, "RUN set -eux; \\\n    VERSION=$(curl -s https://api.github.com/repos/x/y/releases/latest "
                + "| jq -r .tag_name); \\\n    echo $VERSION");
        assertCatches(rule, "RUN if [ \"$ARCH\" = amd64 ]; then curl -fsSL https://x | tar xz; fi");
        assertCatches(rule, "RUN (cd /src && tar cf - .) | (cd /dst && tar xf -)");
        assertCatches(rule, "RUN for f in *.gz; do gunzip -c $f | wc -l; done");
        assertCatches(rule, "RUN <<EOF\nset -e\ncurl -fsSL https://x | tar xz\nEOF");
        assertCatches(rule, "RUN cat /etc/os-release |& grep ID");
        assertCatches(rule, "RUN echo `ls | wc -l`");
        // Hadolint does not accept an inline set -o pipefail (dash in Debian's /bin/sh may not support it)
        assertCatches(rule, "RUN set -o pipefail && curl -fsSL https://x | tar xz");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN test -f /a || touch /a");                    // || is not a pipe
        assertPasses(rule, "RUN echo 'a | b' > /x");                         // a pipe inside a string
        assertPasses(rule, "RUN grep -E 'a|b' /etc/passwd");
        assertPasses(rule, "RUN sh -c 'ls | wc -l'");                        // ShellCheck does not look inside strings
        assertPasses(rule, "RUN case \"$ARCH\" in amd64|x86_64) echo x ;; esac");
        assertPasses(rule, "RUN [\"/bin/sh\", \"-c\", \"echo hi\"]");
        assertPasses(rule, "SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN apk info | sort");
        assertPasses(rule, "SHELL [\"bash\", \"-euxo\", \"pipefail\", \"-c\"]\nRUN ls | sort");
        assertPasses(rule, "SHELL [\"cmd\", \"/S\", \"/C\"]\nRUN dir | findstr x");
    }

    @Test
    void messageIsHadolints() {
        var v = assertCatches(rule, "RUN ls | sort");
        assertThat(v.get(0).message()).startsWith("Set the SHELL option -o pipefail before RUN with a pipe in it.");
    }
}
