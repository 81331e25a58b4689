package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static dev.drydock.dockerfile.rules.RuleTester.lint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DD0013Test {

    private final DD0013 rule = new DD0013();

    @Test
    void catches() {
        // curl and wget
        assertCatches(rule, "RUN curl -k https://example.com/x.sh | sh");
        assertCatches(rule, "RUN curl -fsSLk https://example.com/x.sh -o /x.sh");
        assertCatches(rule, "RUN curl --insecure -o /tmp/a https://example.com/a");
        assertCatches(rule, "RUN wget --no-check-certificate -qO- https://example.com/key | apt-key add -");
        // rpm family
        assertCatches(rule, "RUN yum install -y --nogpgcheck https://example.com/pkg.rpm");
        assertCatches(rule, "RUN dnf -y --nogpgcheck install foo");
        assertCatches(rule, "RUN microdnf install -y --setopt=sslverify=0 foo");
        assertCatches(rule, "RUN dnf config-manager --setopt=myrepo.sslverify=false --save");
        assertCatches(rule, "RUN rpm -ivh --nosignature /tmp/foo.rpm");
        assertCatches(rule, "RUN rpm -i --nodigest /tmp/foo.rpm");
        assertCatches(rule, "RUN zypper --no-gpg-checks install -y foo");
        // apt
        assertCatches(rule, "RUN apt-get install -y --allow-unauthenticated foo");
        assertCatches(rule, "RUN apt-get update --allow-insecure-repositories");
        assertCatches(rule, "RUN apt-get -o Acquire::AllowInsecureRepositories=true update");
        assertCatches(rule, "RUN apt-get -o Acquire::https::Verify-Peer=false update");
        assertCatches(rule, "RUN apt-get install -y --force-yes foo");
        assertCatches(rule, "RUN echo 'deb [trusted=yes] http://repo.example.com/ ./' > /etc/apt/sources.list.d/x.list");
        assertCatches(rule, "RUN echo 'APT::Get::AllowUnauthenticated \"true\";' > /etc/apt/apt.conf.d/99unauth");
        assertCatches(rule, "RUN apk add --allow-untrusted /tmp/foo.apk");
        // language package managers
        assertCatches(rule, "RUN pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org flask==3.0.0");
        assertCatches(rule, "RUN python3 -m pip install --trusted-host my.index flask==3.0.0");
        assertCatches(rule, "RUN pip config set global.trusted-host my.index");
        assertCatches(rule, "RUN npm config set strict-ssl false");
        assertCatches(rule, "RUN npm install --strict-ssl=false");
        assertCatches(rule, "RUN yarn config set strict-ssl false");
        assertCatches(rule, "RUN yarn config set enableStrictSsl false");
        assertCatches(rule, "RUN git config --global http.sslVerify false");
        assertCatches(rule, "RUN git -c http.sslVerify=false clone https://git.example.com/x.git");
        assertCatches(rule, "RUN go env -w GOINSECURE=git.example.com GOSUMDB=off");
        assertCatches(rule, "RUN go get -insecure example.com/x");
        // environment variables: RUN assignment, export, ENV, ARG
        assertCatches(rule, "RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci");
        assertCatches(rule, "RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci");
        assertCatches(rule, "RUN GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/x.git");
        assertCatches(rule, "ENV NODE_TLS_REJECT_UNAUTHORIZED=0");
        assertCatches(rule, "ENV NODE_TLS_REJECT_UNAUTHORIZED 0");
        assertCatches(rule, "ENV PYTHONHTTPSVERIFY=0");
        assertCatches(rule, "ENV GIT_SSL_NO_VERIFY=true");
        assertCatches(rule, "ENV NPM_CONFIG_STRICT_SSL=false");
        assertCatches(rule, "ENV npm_config_strict_ssl=false");
        assertCatches(rule, "ENV PIP_TRUSTED_HOST=my.index");
        assertCatches(rule, "ENV GOINSECURE=*.corp.example.com");
        assertCatches(rule, "ENV GOSUMDB=off");
        assertCatches(rule, "ENV GONOSUMDB=*");
        assertCatches(rule, "FROM node:22-bookworm-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED=0");
        // nested shells, wrappers, line continuations, heredocs
        assertCatches(rule, "RUN sh -c 'curl -k https://example.com/a -o /a'");
        assertCatches(rule, "RUN sudo apt-get install -y --allow-unauthenticated foo");
        assertCatches(rule, "RUN set -eux; \\\n    curl \\\n      --insecure \\\n      -o /a https://example.com/a");
        assertCatches(rule, "RUN <<EOF\nset -e\ncurl -k -o /a https://example.com/a\nEOF");
        assertCatches(rule, "RUN [\"sh\", \"-c\", \"echo 'a b' && curl -k https://example.com/a -o /a\"]");
        assertCatches(rule, "RUN (cd /tmp && curl -k -O https://example.com/a)");
        assertCatches(rule, "RUN find /src -name '*.url' -exec curl -k -O {} \\;");
        assertCatches(rule, "RUN gosu app curl -k -O https://example.com/a");
        assertCatches(rule, "RUN <<-EOF\n\tcurl -k -o /a https://example.com/a\n\tEOF");
        assertCatches(rule, "RUN <<EOF bash\ncurl -k -o /a https://example.com/a\nEOF");
        assertCatches(rule, "RUN [\"curl\", \"--insecure\", \"-o\", \"/a\", \"https://example.com/a\"]");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN curl -fsSL https://example.com/x.sh -o /x.sh");
        assertPasses(rule, "RUN curl --cacert /etc/ssl/corp.pem -o /a https://example.com/a");
        assertPasses(rule, "RUN wget -q https://example.com/a");
        assertPasses(rule, "RUN echo 'curl -k is bad' > /README");                // inside a string
        assertPasses(rule, "RUN echo 'deb [signed-by=/etc/apt/keyrings/x.gpg] https://x/ stable main' > /x.list");
        assertPasses(rule, "RUN yum install -y --setopt=tsflags=nodocs httpd");
        assertPasses(rule, "RUN dnf install -y --setopt=install_weak_deps=False foo");
        assertPasses(rule, "RUN rpm --import https://example.com/RPM-GPG-KEY");
        assertPasses(rule, "RUN apt-get -o Acquire::Check-Valid-Until=false update");
        assertPasses(rule, "RUN apt-get install -y --no-install-recommends foo");
        assertPasses(rule, "RUN apk add --no-cache curl");
        assertPasses(rule, "RUN pip install --index-url https://pypi.example.com/simple flask==3.0.0");
        assertPasses(rule, "RUN npm config set strict-ssl true");
        assertPasses(rule, "RUN git config --global http.sslVerify true");
        assertPasses(rule, "RUN git config --global user.name builder");
        assertPasses(rule, "RUN NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci");
        assertPasses(rule, "ENV NODE_TLS_REJECT_UNAUTHORIZED=1");
        assertPasses(rule, "ENV PYTHONHTTPSVERIFY=1");
        assertPasses(rule, "ENV GONOSUMDB=git.corp.example.com");               // a private module host
        assertPasses(rule, "ENV GOSUMDB=sum.golang.org");
        assertPasses(rule, "FROM node:22-bookworm-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED");
        // a global ARG is only seen by FROM lines; a stage must declare it again
        assertPasses(rule, "ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:22-bookworm-slim\nRUN npm ci");
        assertPasses(rule, "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp.pem");
        assertPasses(rule, "SHELL [\"powershell\", \"-Command\"]\nRUN curl -k https://example.com");
        assertPasses(rule, "LABEL note=\"curl -k\"");
        assertPasses(rule, "RUN [\"/bin/sh\", \"-c\", \"echo 'curl -k' > /notes\"]");
        assertPasses(rule, "RUN python3 <<EOF\nimport os\nprint('curl -k')\nEOF");          // not a shell
        assertPasses(rule, "RUN curl -K /etc/curlrc -o /a https://example.com/a");     // -K is a config file
        assertPasses(rule, "RUN wget -k -r https://example.com/docs/");                 // wget -k converts links
        assertPasses(rule, "RUN curl -fsSL -H 'X-Note: -k' https://example.com/a");
        assertPasses(rule, "RUN cat <<EOF > /fetch.sh\ncurl -k https://example.com/a\nEOF");  // written, not run
        assertPasses(rule, "RUN python -c 'import ssl; ssl._create_default_https_context()'");
    }

    @Test
    void messagesSayWhatIsDisabledOncePerSetting() {
        assertThat(lint(rule, "RUN curl -k https://example.com/a").get(0).message())
                .contains("curl -k/--insecure").contains("certificate verification");
        assertThat(lint(rule, "RUN python3 -m pip install --trusted-host=my.index flask==3.0.3").get(0).message())
                .isEqualTo("pip --trusted-host makes pip accept that host over plain HTTP or with any certificate");
        assertThat(lint(rule, "RUN rpm -ivh --nosignature /tmp/foo.rpm").get(0).message())
                .isEqualTo("rpm --nosignature skips package signature checks");
        // env wrapper and wrapped command both carry the assignment: reported once
        assertThat(lint(rule, "RUN env NODE_TLS_REJECT_UNAUTHORIZED=0 node fetch.js")).hasSize(1);
        // two settings, two findings
        assertThat(lint(rule, "RUN curl -k -o /a https://x/a && wget --no-check-certificate https://x/b")).hasSize(2);
        assertThat(lint(rule, "ENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0").get(0).message())
                .startsWith("NODE_TLS_REJECT_UNAUTHORIZED=0 makes Node.js accept any TLS certificate");
    }
}
