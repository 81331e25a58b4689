package dev.drydock.analyzer.lang.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import org.junit.jupiter.api.Test;

class ComposerAnalyzerTest {

    @Test
    void composer() throws Exception {
        ComposerAnalyzer a = new ComposerAnalyzer();
        PackageList lock = LangScans.analyze(a, "app/composer.lock", """
                {"packages": [{"name": "monolog/monolog", "version": "3.4.0", "license": ["MIT"],
                               "require": {"php": ">=8.1", "psr/log": "^2.0 || ^3.0"}}],
                 "packages-dev": [{"name": "phpunit/phpunit", "version": "10.3.5"}]}
                """);
        assertThat(LangScans.nameAtVersion(lock)).containsExactly("monolog/monolog@3.4.0", "phpunit/phpunit@10.3.5");
        assertThat(lock.packages().get(0).dependsOn()).containsExactly("psr/log");
        assertThat(lock.packages().get(0).purl()).isEqualTo("pkg:composer/monolog/monolog@3.4.0");
        assertThat(lock.packages().get(1).dev()).isTrue();
        PackageList installed = LangScans.analyze(a, "app/vendor/composer/installed.json", """
                {"packages": [{"name": "psr/log", "version": "3.0.0"}, {"name": "phpunit/phpunit", "version": "10.3.5"}],
                 "dev": true, "dev-package-names": ["phpunit/phpunit"]}
                """);
        assertThat(installed.packages()).filteredOn(Package::dev).extracting(Package::name)
                .containsExactly("phpunit/phpunit");
        assertThat(LangScans.analyze(a, "composer.lock", "{").diagnostics()).singleElement().asString()
                .contains("not valid JSON");
    }
}
