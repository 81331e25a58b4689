package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0011Test {

    private final DD0011 rule = new DD0011();

    @Test
    void catchesPipes() {
        assertCatches(rule, "RUN curl -fsSL https://get.docker.com | sh");
        assertCatches(rule, "RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -");
        assertCatches(rule, "RUN curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash -");
        assertCatches(rule, "RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y");
        assertCatches(rule, "RUN wget -qO- https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/install.sh | bash");
        assertCatches(rule, "RUN wget -O - https://install.python-poetry.org | python3 -");
        assertCatches(rule, "RUN curl -sSL https://install.python-poetry.org | python3");
        assertCatches(rule, "RUN curl -sL https://x.example/i.sh | tee /tmp/i.sh | sh");
        assertCatches(rule, "RUN curl -o - https://x.example/i.sh | env FOO=1 sh");
        assertCatches(rule, "RUN apt-get update && \\\n    curl -fsSL https://x.example/setup | bash && \\\n    "
                + "apt-get install -y x");
        assertCatches(rule, "RUN if [ \"$TARGETARCH\" = amd64 ]; then curl -fsSL https://x.example/i | sh; fi");
        assertCatches(rule, "RUN sh -c 'curl -fsSL https://x.example/i | sh'");
        assertCatches(rule, "RUN <<EOF\nset -e\ncurl -fsSL https://get.docker.com | sh\nEOF");
        assertCatches(rule, "ONBUILD RUN curl -fsSL https://x.example/i | sh");
    }

    @Test
    void catchesSubstitutions() {
        assertCatches(rule, "RUN sh -c \"$(curl -fsSL "
                + "https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)\"");
        assertCatches(rule, "RUN bash -c \"$(wget -qO- https://x.example/i.sh)\"");
        assertCatches(rule, "RUN /bin/bash -c \"$(curl -fsSL "
                + "https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)\"");
        assertCatches(rule, "RUN bash <(curl -s https://x.example/i.sh)");
        assertCatches(rule, "RUN eval \"$(curl -fsSL https://x.example/env)\"");
        assertCatches(rule, "RUN . <(curl -fsSL https://x.example/env)");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN curl -fsSLo /tmp/i.sh https://x.example/i.sh && sha256sum -c i.sha && sh /tmp/i.sh");
        assertPasses(rule, "RUN curl -fsSL https://x.example/a.tar.gz | tar xz -C /opt");
        assertPasses(rule, "RUN curl -fsSL https://x.example/key.gpg | gpg --dearmor -o /etc/apt/keyrings/x.gpg");
        assertPasses(rule, "RUN curl -s https://api.github.com/repos/x/y/releases/latest | python3 -c 'import "
                + "sys,json; print(json.load(sys.stdin)[\"tag_name\"])'");
        assertPasses(rule, "RUN curl -s https://api.example.com/v | jq -r .version");
        assertPasses(rule, "RUN curl -s https://x.example/data.csv | python3 /app/load.py");
        assertPasses(rule, "RUN wget -q https://x.example/i.sh && sh i.sh");              // wget writes a file
        assertPasses(rule, "RUN curl -fsSLO https://x.example/i.sh | sh");               // -O: stdout is empty
        assertPasses(rule, "RUN echo 'curl https://x | sh' > README");
        assertPasses(rule, "RUN cat install.sh | sh");
        assertPasses(rule, "RUN VERSION=\"$(curl -fsSL https://x.example/version)\" && echo $VERSION");
        assertPasses(rule, "RUN bash -c \"echo ready\"");
        assertPasses(rule, "SHELL [\"pwsh\", \"-Command\"]\nRUN iwr https://x.example/i.ps1 | iex");
    }

    @Test
    void messageNamesDownloadAndShell() {
        var v = assertCatches(rule, "RUN apt-get update && curl -fsSL https://get.docker.com | sh");
        assertThat(v.get(0).message()).startsWith("`curl https://get.docker.com | sh` runs a downloaded script");
        assertThat(v.get(0).position().column()).isEqualTo(23);
        var s = assertCatches(rule, "RUN bash <(curl -s https://x.example/i.sh)");
        assertThat(s.get(0).message()).startsWith("`bash` runs the output of `curl https://x.example/i.sh`");
    }
}
