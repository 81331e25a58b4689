package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9|ENV AWS_SECRET_ACCESS_KEY=wJal****",
            "ENV DB_PASSWORD=\"hunter2\" LANG=C.UTF-8|ENV DB_PASSWORD=**** LANG=C.UTF-8",
            "ENV API_TOKEN s3cr3t-v4lue-long-enough|ENV API_TOKEN s3cr****",
            "ARG GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789|ARG GITHUB_TOKEN=ghp_****",
            "RUN curl -u admin:pass https://x && git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b|RUN curl -u admin:**** https://x && git clone http****",
            "RUN mysql -u root -p secretpw db|RUN mysql -u root -p **** db",
            "RUN curl -u $USER:$PASS https://x|RUN curl -u $USER:$PASS https://x",
            "ENV PATH=/usr/local/bin:$PATH|ENV PATH=/usr/local/bin:$PATH",
            "ENV NPM_TOKEN=${NPM_TOKEN}|ENV NPM_TOKEN=${NPM_TOKEN}",
            "RUN apt-get install -y curl|RUN apt-get install -y curl",
    })
    void redacts(String line, String expected) {
        assertThat(SourceRedaction.redact(line)).isEqualTo(expected);
    }
}
