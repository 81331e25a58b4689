package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3028Test {

    private final DL3028 rule = new DL3028();

    @Test
    void catches() {
        assertCatches(rule, "RUN gem i bundler");
        assertCatches(rule, "ONBUILD RUN gem i bundler");
        assertCatches(rule, "RUN gem i bunlder:1 nokogiri");
        assertCatches(rule, "RUN gem install bundler");
        assertCatches(rule, "ONBUILD RUN gem install bundler");
        assertCatches(rule, "RUN gem install --no-document bundler");
        assertCatches(rule, "RUN gem update --system 3.5.6 && gem install bundler rake:13.1.0");
        assertCatches(rule, "RUN gem install -N --install-dir /usr/local/bundle rails");
        assertCatches(rule, "RUN set -eux; \\\n    gem install \\\n      fpm");
        assertCatches(rule, "RUN [\"gem\", \"install\", \"bundler\"]");
        assertCatches(rule, "RUN <<EOF\ngem install bundler\nEOF");
        assertCatches(rule, "RUN gem install -N --install-dir /usr/local/bundle --bindir /usr/local/bin rails");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN gem i bundler:1");
        assertPasses(rule, "ONBUILD RUN gem i bundler:1");
        assertPasses(rule, "RUN gem i bunlder:1 nokogirii:1");
        assertPasses(rule, "RUN gem install bundler:1");
        assertPasses(rule, "RUN gem install bundler -v '2.0.1'");
        assertPasses(rule, "RUN gem install bundler --version '2.0.1'");
        assertPasses(rule, "RUN gem install bundler --version='2.0.1'");
        assertPasses(rule, "RUN gem install bundler:2.0.1 -- --use-system-libraries=true");
        assertPasses(rule, "RUN gem install bundler:2.0.1 -- --use-system-libraries true");
        assertPasses(rule, "RUN gem install bundler:2.0.1 --use-system-libraries true");
        assertPasses(rule, "RUN gem install bundler:2.0.1 --use-system-libraries=true");
        assertPasses(rule, "RUN gem install --install-dir /usr/local/bundle bundler:2.5.6");   // value is no gem
        assertPasses(rule, "RUN gem install ./pkg/mytool-1.0.0.gem");
        assertPasses(rule, "RUN gem install \"bundler:$BUNDLER_VERSION\"");
        assertPasses(rule, "RUN gem install $GEMS");
        assertPasses(rule, "RUN bundle install --jobs 4");
        assertPasses(rule, "RUN gem update --system");
        assertPasses(rule, "RUN echo 'gem install rails'");
    }

    @Test
    void namesUnpinnedGems() {
        var v = assertCatches(rule, "RUN gem install rake:13.1.0 rails nokogiri");
        assertThat(v).singleElement().satisfies(x -> assertThat(x.message())
                .contains("`rails`, `nokogiri`").doesNotContain("rake").contains("rails:<version>"));
    }
}
