package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3062Test {

    private final DL3062 rule = new DL3062();

    @Test
    void catchesHadolintSpec() {
        assertCatches(rule, "RUN go install example.com/pkg");
        assertCatches(rule, "RUN go install example.com/pkg@latest");
        assertCatches(rule, "RUN go install tool foobar");
        assertCatches(rule, "RUN go install tool foobar@latest");
        assertCatches(rule, "RUN go get example.com/pkg");
        assertCatches(rule, "RUN go get example.com/pkg@latest");
        assertCatches(rule, "RUN go get -tool foobar");
        assertCatches(rule, "RUN go get -tool foobar@latest");
        assertCatches(rule, "RUN go run example.com/pkg");
        assertCatches(rule, "RUN go run example.com/pkg@latest");
        assertCatches(rule, "ONBUILD RUN go install example.com/pkg");
    }

    @Test
    void catchesRealWorld() {
        assertCatches(rule, "RUN go get -u github.com/golang/dep/cmd/dep");
        assertCatches(rule, "RUN go install -v golang.org/x/tools/gopls@master");                  // a branch moves
        assertCatches(rule, "RUN go get -u github.com/x/y@upgrade");
        assertCatches(rule, "RUN CGO_ENABLED=0 go install -ldflags \"-s -w\" github.com/go-delve/delve/cmd/dlv");
        assertCatches(rule, "RUN go install -tags netgo github.com/x/y/cmd/z");
        assertCatches(rule, "RUN go install github.com/x/y/...");
        assertCatches(rule, "RUN cd /src && \\\n    go install github.com/swaggo/swag/cmd/swag@latest");
        assertCatches(rule, "RUN go install github.com/a/a@v1.0.0 github.com/b/b");               // one of two
    }

    @Test
    void doesNotCatchHadolintSpec() {
        assertPasses(rule, "RUN go install example.com/pkg@v1.2.3");
        assertPasses(rule, "RUN go install /go/app/foobar");
        assertPasses(rule, "RUN go install ./app/foobar");
        assertPasses(rule, "RUN go install .");
        assertPasses(rule, "RUN go install tool foobar@v1.2.3");
        assertPasses(rule, "RUN go get example.com/pkg@v1.2.3");
        assertPasses(rule, "RUN go get -tool foobar@v1.2.3");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3 -f");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3 -foobar");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3 --foobar");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3 foobar");
        assertPasses(rule, "RUN go run example.com/pkg@v1.2.3 --foo bar");
        assertPasses(rule, "RUN go run /go/app/foobar");
        assertPasses(rule, "RUN go run ./app/foobar");
        assertPasses(rule, "RUN go run .");
    }

    @Test
    void doesNotCatchRealWorld() {
        assertPasses(rule, "RUN go install -ldflags \"-s -w\" github.com/go-delve/delve/cmd/dlv@v1.22.1");
        assertPasses(rule, "RUN go install golang.org/x/tools/gopls@v0.15.2");
        assertPasses(rule, "RUN go install github.com/x/y@6f1d6c3a1b2c");                        // a commit
        assertPasses(rule, "RUN go get -d -v ./...");
        assertPasses(rule, "RUN go install");                                                    // the module here
        assertPasses(rule, "RUN go run main.go");
        assertPasses(rule, "RUN go build -o /app ./cmd/app");
        assertPasses(rule, "RUN go mod download");
        assertPasses(rule, "ARG PKG\nRUN go install $PKG");                                      // decided by the build
        assertPasses(rule, "ARG V=v1.2.3\nRUN go install github.com/x/y@${V}");
        assertPasses(rule, "RUN go get github.com/old/dep@none");                                // removes a dependency
        assertPasses(rule, "RUN echo 'go install example.com/pkg'");
    }

    @Test
    void messageAndPosition() {
        var v = assertCatches(rule, "RUN go install example.com/pkg@latest");
        assertThat(v.get(0).message()).isEqualTo(
                "Pin versions in go. Instead of `go install example.com/pkg@latest` use "
                        + "`go install example.com/pkg@<version>`.");
        assertThat(v.get(0).position().column()).isEqualTo(16);
    }
}
