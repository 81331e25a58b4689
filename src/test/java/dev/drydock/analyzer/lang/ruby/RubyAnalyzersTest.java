package dev.drydock.analyzer.lang.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import org.junit.jupiter.api.Test;

class RubyAnalyzersTest {

    @Test
    void gemspec() throws Exception {
        PackageList l = LangScans.analyze(new GemspecAnalyzer(),
                "usr/local/lib/ruby/gems/3.2.0/specifications/rack-2.2.8.gemspec", """
                # -*- encoding: utf-8 -*-
                # stub: rack 2.2.8 ruby lib

                Gem::Specification.new do |s|
                  s.name = "rack".freeze
                  s.version = "2.2.8"

                  s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
                  s.licenses = ["MIT".freeze]
                  s.add_development_dependency(%q<minitest>.freeze, ["~> 5.0"])
                  s.add_runtime_dependency(%q<webrick>.freeze, [">= 0"])
                end
                """);
        assertThat(l.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("rack");
            assertThat(p.version()).isEqualTo("2.2.8");
            assertThat(p.licenses()).containsExactly("MIT");
            assertThat(p.dependsOn()).containsExactly("webrick");
            assertThat(p.purl()).isEqualTo("pkg:gem/rack@2.2.8");
        });
    }

    @Test
    void gemfileLock() throws Exception {
        PackageList l = LangScans.analyze(new GemfileLockAnalyzer(), "app/Gemfile.lock", """
                GIT
                  remote: https://github.com/x/y.git
                  specs:
                    y (0.1.0)

                GEM
                  remote: https://rubygems.org/
                  specs:
                    nokogiri (1.15.4-x86_64-linux)
                      racc (~> 1.4)
                    racc (1.7.1)
                    rails (7.0.8)
                      actionpack (= 7.0.8)

                PLATFORMS
                  x86_64-linux

                BUNDLED WITH
                   2.4.19
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("nokogiri@1.15.4", "racc@1.7.1", "rails@7.0.8");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("racc");
    }
}
