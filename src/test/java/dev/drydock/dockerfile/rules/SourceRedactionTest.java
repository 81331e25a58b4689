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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the password of a URL, and a user name that is a token, whatever the scheme
            "git clone of https://bob:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/x.git follows|"
                    + "git clone of https://bob:****@github.com/acme/x.git follows",
            "ADD `https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b.git`|ADD `https://****@github.com/a/b.git`",
            "`curl ftp://admin:S3cretPassw0rd@files.example.com/a.tgz`|`curl ftp://admin:****@files.example.com/a.tgz`",
            "https://x-access-token:abcdef0123456789abcdef@github.com/a/b|https://x-access-token:****@github.com/a/b",
            "https://0123456789abcdef0123456789abcdef01234567@github.com/a/b|https://****@github.com/a/b",
            // a short user name alone is a login, not a credential; references are kept
            "ADD ssh://git@github.com/moby/buildkit.git|ADD ssh://git@github.com/moby/buildkit.git",
            "https://$GIT_USER:${GIT_TOKEN}@github.com/a/b|https://$GIT_USER:${GIT_TOKEN}@github.com/a/b",
            "https://${GITHUB_TOKEN}@github.com/a/b|https://${GITHUB_TOKEN}@github.com/a/b",
            // query parameters with a credential's name, and bare tokens
            "https://example.com/a.tgz?access_token=abcdefghijklmnop1234&v=2|https://example.com/a.tgz?access_token=abcd****&v=2",
            "https://example.com/a.tgz?version=1.2.3|https://example.com/a.tgz?version=1.2.3",
            "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 here|token ghp_**** here",
            "`cd /tmp` in RUN; use `WORKDIR /tmp` instead|`cd /tmp` in RUN; use `WORKDIR /tmp` instead",
            "git@github.com:moby/buildkit.git#v0.24.0|git@github.com:moby/buildkit.git#v0.24.0",
    })
    void masksCredentialsInMessages(String text, String expected) {
        assertThat(SourceRedaction.maskCredentials(text)).isEqualTo(expected);
        assertThat(SourceRedaction.maskCredentials(expected)).as("masking twice changes nothing").isEqualTo(expected);
    }
}
