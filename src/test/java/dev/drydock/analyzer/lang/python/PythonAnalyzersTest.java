package dev.drydock.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import dev.drydock.layer.FileInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonAnalyzersTest {

    static final PythonMetadataAnalyzer METADATA = new PythonMetadataAnalyzer();
    static final RequirementsAnalyzer REQUIREMENTS = new RequirementsAnalyzer();
    static final PythonLockAnalyzer LOCK = new PythonLockAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA | metadata | true",
            "usr/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO   | metadata | true",
            "usr/lib/python3.11/site-packages/argparse-1.2.1.egg-info        | metadata | true",
            "x/foo.egg/EGG-INFO/PKG-INFO                                     | metadata | true",
            "usr/lib/python3/dist-packages/requests-2.31.0.dist-info/RECORD   | metadata | false",   // near misses
            "app/METADATA                                                     | metadata | false",
            "app/requirements.txt                                             | req      | true",
            "app/requirements-dev.txt                                         | req      | true",
            "app/requirements.in                                              | req      | false",
            "app/Pipfile.lock                                                 | lock     | true",
            "app/poetry.lock                                                  | lock     | true",
            "uv.lock                                                          | lock     | true",
            "app/Pipfile                                                      | lock     | false",
    })
    void required(String path, String which, boolean wanted) {
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, 10, 0644, 0, 0, "", 0);
        var a = switch (which) {
            case "metadata" -> METADATA;
            case "req" -> REQUIREMENTS;
            default -> LOCK;
        };
        assertThat(a.required(path, info)).isEqualTo(wanted);
    }

    @Test
    void metadata() throws Exception {
        PackageList l = LangScans.analyze(METADATA, "x/Flask_SQLAlchemy-3.1.1.dist-info/METADATA", """
                Metadata-Version: 2.1
                Name: Flask_SQLAlchemy
                Version: 3.1.1
                Summary: Add SQLAlchemy support
                License: BSD-3-Clause
                Classifier: License :: OSI Approved :: BSD License
                Requires-Dist: flask>=2.2.5
                Requires-Dist: sqlalchemy >=2.0.16 ; extra == "async"
                Description-Content-Type: text/markdown

                Requires-Dist: not-a-header
                """);
        assertThat(l.diagnostics()).isEmpty();
        Package p = l.packages().get(0);
        assertThat(p.name()).isEqualTo("Flask_SQLAlchemy");
        assertThat(p.version()).isEqualTo("3.1.1");
        assertThat(p.purl()).isEqualTo("pkg:pypi/flask-sqlalchemy@3.1.1");
        assertThat(p.licenses()).containsExactly("BSD-3-Clause");
        assertThat(p.dependsOn()).containsExactly("flask", "sqlalchemy");
        assertThat(p.ecosystem()).isEqualTo("PyPI");
    }

    @Test
    void licenceExpressionThenClassifiers() throws Exception {
        assertThat(LangScans.analyze(METADATA, "a.dist-info/METADATA",
                "Name: a\nVersion: 1\nLicense-Expression: MIT OR Apache-2.0\nLicense: MIT\n")
                .packages().get(0).licenses()).containsExactly("MIT OR Apache-2.0");
        assertThat(LangScans.analyze(METADATA, "a.egg-info/PKG-INFO",
                "Name: a\nVersion: 1\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License\n")
                .packages().get(0).licenses()).containsExactly("MIT License");
        // a whole licence text in License: is not a name
        assertThat(LangScans.analyze(METADATA, "a.egg-info/PKG-INFO",
                "Name: a\nVersion: 1\nLicense: Copyright (c) 2020\n        Permission is hereby granted\n")
                .packages().get(0).licenses()).isEmpty();
    }

    @Test
    void truncatedMetadataIsADiagnostic() throws Exception {
        PackageList l = LangScans.analyze(METADATA, "x/requests-2.31.0.dist-info/METADATA", "Metadata-Version: 2.1\nNam");
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("requests-2.31.0.dist-info/METADATA", "Name");
    }

    @Test
    void requirementsPinnedOnly() throws Exception {
        PackageList l = LangScans.analyze(REQUIREMENTS, "requirements.txt", """
                # comment
                -r base.txt
                -e git+https://github.com/x/y.git#egg=y
                requests==2.31.0  # pinned
                Django[argon2] == 4.2.7 ; python_version >= "3.8"
                urllib3==2.0.7 \\
                    --hash=sha256:abc \\
                    --hash=sha256:def
                flask>=2.0
                numpy
                pkg @ https://example.com/pkg.whl
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("Django@4.2.7", "requests@2.31.0", "urllib3@2.0.7");
        assertThat(l.packages()).extracting(Package::purl).contains("pkg:pypi/django@4.2.7");
    }

    @Test
    void pipfileLock() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "Pipfile.lock", """
                {"_meta": {"hash": {"sha256": "x"}},
                 "default": {"requests": {"hashes": [], "version": "==2.31.0"}, "local": {"path": "."}},
                 "develop": {"pytest": {"version": "==7.4.3"}}}
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("pytest@7.4.3", "requests@2.31.0");
        assertThat(l.packages()).filteredOn(Package::dev).extracting(Package::name).containsExactly("pytest");
        assertThat(l.diagnostics()).isEmpty();
    }

    @Test
    void invalidPipfileLockIsADiagnostic() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "app/Pipfile.lock", "{\"default\": {");
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("app/Pipfile.lock", "not valid JSON");
    }

    @Test
    void poetryLock() throws Exception {
        // the shape poetry 1.1 (category) and 1.8 (no category, files list) write
        PackageList l = LangScans.analyze(LOCK, "poetry.lock", """
                [[package]]
                name = "certifi"
                version = "2023.7.22"
                description = "Python package for providing Mozilla's CA Bundle."
                optional = false
                python-versions = ">=3.6"
                files = [
                    {file = "certifi-2023.7.22-py3-none-any.whl", hash = "sha256:92d6"},
                    {file = "certifi-2023.7.22.tar.gz", hash = "sha256:539c"},
                ]

                [[package]]
                name = "pytest"
                version = "7.4.3"
                description = \"\"\"
                multi-line [ text
                \"\"\"
                category = "dev"

                [package.dependencies]
                colorama = {version = "*", markers = "sys_platform == \\"win32\\""}
                "iniconfig" = "*"

                [package.extras]
                testing = ["argcomplete", "hypothesis (>=3.56)"]
                odd = [
                    'literal ] with a bracket',
                ]

                [metadata]
                lock-version = "2.0"
                python-versions = "^3.11"
                content-hash = "abc"
                """);
        assertThat(l.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(l)).containsExactly("certifi@2023.7.22", "pytest@7.4.3");
        Package pytest = l.packages().get(1);
        assertThat(pytest.dev()).isTrue();
        assertThat(pytest.dependsOn()).containsExactly("colorama", "iniconfig");
    }

    @Test
    void uvLock() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "uv.lock", """
                version = 1
                requires-python = ">=3.12"

                [[package]]
                name = "app"
                version = "0.1.0"
                source = { editable = "." }
                dependencies = [
                    { name = "httpx" },
                ]

                [[package]]
                name = "httpx"
                version = "0.27.0"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [
                    { name = "anyio" },
                    { name = "certifi" },
                ]
                sdist = { url = "https://files.pythonhosted.org/x.tar.gz", hash = "sha256:a0", size = 1 }
                wheels = [
                    { url = "https://files.pythonhosted.org/x.whl", hash = "sha256:77", size = 2 },
                ]
                """);
        assertThat(l.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(l)).containsExactly("httpx@0.27.0");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("anyio", "certifi");
    }

    @Test
    void unclosedTomlArrayIsADiagnostic() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "uv.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\nwheels = [\n");
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("uv.lock", "never closed");
    }
}
