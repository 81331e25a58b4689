package dev.drydock.analyzer.lang.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import dev.drydock.layer.FileInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmAnalyzersTest {

    static final NodeModulesAnalyzer NODE_MODULES = new NodeModulesAnalyzer();
    static final PackageLockAnalyzer LOCK = new PackageLockAnalyzer();
    static final YarnLockAnalyzer YARN = new YarnLockAnalyzer();
    static final PnpmLockAnalyzer PNPM = new PnpmLockAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app/node_modules/express/package.json                         | modules | true",
            "app/node_modules/@babel/core/package.json                     | modules | true",
            "node_modules/a/node_modules/b/package.json                    | modules | true",
            "usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json | modules | true",
            "app/package.json                                              | modules | false",   // the project
            "app/node_modules/express/lib/package.json                     | modules | false",   // inside a package
            "app/node_modules/@babel/package.json                          | modules | false",
            "app/node_modules/.bin/package.json                            | modules | false",
            "app/package-lock.json                                         | lock    | true",
            "app/npm-shrinkwrap.json                                       | lock    | true",
            "app/node_modules/.package-lock.json                           | lock    | false",
            "app/node_modules/x/package-lock.json                          | lock    | false",
            "app/yarn.lock                                                 | yarn    | true",
            "app/node_modules/x/yarn.lock                                  | yarn    | false",
            "app/pnpm-lock.yaml                                            | pnpm    | true",
    })
    void required(String path, String which, boolean wanted) {
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, 10, 0644, 0, 0, "", 0);
        var a = switch (which) {
            case "modules" -> NODE_MODULES;
            case "lock" -> LOCK;
            case "yarn" -> YARN;
            default -> PNPM;
        };
        assertThat(a.required(path, info)).isEqualTo(wanted);
    }

    @Test
    void lockV1() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "package-lock.json", """
                {"name": "app", "lockfileVersion": 1, "dependencies": {
                  "a": {"version": "1.0.0", "requires": {"b": "^2"}},
                  "b": {"version": "2.1.0", "dev": true, "dependencies": {"c": {"version": "0.1.0", "dev": true}}},
                  "alias": {"version": "npm:@scope/real@3.0.0"},
                  "local": {"version": "file:../local"}}}
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("@scope/real@3.0.0", "a@1.0.0", "b@2.1.0", "c@0.1.0");
        assertThat(l.packages()).filteredOn(Package::dev).extracting(Package::name).containsExactly("b", "c");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("b");
        assertThat(l.packages()).extracting(Package::purl).contains("pkg:npm/%40scope/real@3.0.0");
    }

    @Test
    void lockV3LinksAndWorkspaces() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "package-lock.json", """
                {"name": "app", "lockfileVersion": 3, "packages": {
                  "": {"name": "app", "version": "1.0.0", "workspaces": ["packages/*"]},
                  "node_modules/ws-a": {"resolved": "packages/a", "link": true},
                  "packages/a": {"name": "ws-a", "version": "0.0.1"},
                  "node_modules/x": {"version": "1.0.0", "license": "MIT"},
                  "node_modules/x/node_modules/y": {"version": "2.0.0", "dev": true},
                  "node_modules/fsevents": {"version": "2.3.3", "optional": true, "os": ["darwin"]},
                  "node_modules/alias": {"name": "real", "version": "4.0.0"}}}
                """);
        assertThat(LangScans.nameAtVersion(l)).containsExactly("real@4.0.0", "x@1.0.0", "y@2.0.0");
        assertThat(l.packages().get(0).licenses()).containsExactly("MIT");
        assertThat(l.packages().get(1).dev()).isTrue();
    }

    @Test
    void invalidLockfileIsADiagnostic() throws Exception {
        PackageList l = LangScans.analyze(LOCK, "app/package-lock.json", "{\"packages\": {\"node_modules/x\": ");
        assertThat(l.packages()).isEmpty();
        assertThat(l.diagnostics()).singleElement().asString().contains("app/package-lock.json", "not valid JSON");
        PackageList badModule = LangScans.analyze(NODE_MODULES, "node_modules/x/package.json", "{\"name\": \"x\"}");
        assertThat(badModule.diagnostics()).singleElement().asString().contains("without name or version");
    }

    @Test
    void yarnClassic() throws Exception {
        PackageList l = LangScans.analyze(YARN, "yarn.lock", """
                # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
                # yarn lockfile v1


                "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
                  version "7.12.13"
                  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.13.tgz#dcfc826beef65e75c50e21d3837d7d95798dd658"
                  integrity sha512-HV1Cm0Q3ZrpCR93tkWOYiuYIgLxZXZFVG2VgK+MBWjUqZTundupbfx2aXarXuw5Ko5aMcjtJgbSs4vUGBS5v6g==
                  dependencies:
                    "@babel/highlight" "^7.12.13"

                lodash@^4.17.21:
                  version "4.17.21"

                string-width-cjs@npm:string-width@^4.2.0:
                  version "4.2.3"
                """);
        assertThat(l.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(l)).containsExactly("@babel/code-frame@7.12.13", "lodash@4.17.21",
                "string-width@4.2.3");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("@babel/highlight");
    }

    @Test
    void yarnBerry() throws Exception {
        PackageList l = LangScans.analyze(YARN, "yarn.lock", """
                # This file is generated by running "yarn install" inside your project.

                __metadata:
                  version: 6
                  cacheKey: 8

                "@babel/code-frame@npm:^7.0.0":
                  version: 7.12.13
                  resolution: "@babel/code-frame@npm:7.12.13"
                  dependencies:
                    "@babel/highlight": ^7.12.13
                  checksum: 471532bb7c
                  languageName: node
                  linkType: hard

                "app@workspace:.":
                  version: 0.0.0-use.local
                  resolution: "app@workspace:."
                  dependencies:
                    "@babel/code-frame": "npm:^7.0.0"
                    fsevents: ~2.3.2
                  languageName: unknown
                  linkType: soft

                "fsevents@npm:~2.3.2":
                  version: 2.3.3
                  resolution: "fsevents@npm:2.3.3"
                  dependencies:
                    node-gyp: "npm:latest"
                  conditions: os=darwin
                  languageName: node
                  linkType: hard

                "node-gyp@npm:latest":
                  version: 13.1.0
                  resolution: "node-gyp@npm:13.1.0"
                  languageName: node
                  linkType: hard
                """);
        // fsevents is for macOS only, and node-gyp is there only for it: neither is installed in a container
        assertThat(l.diagnostics()).isEmpty();
        assertThat(LangScans.nameAtVersion(l)).containsExactly("@babel/code-frame@7.12.13");
        assertThat(l.packages().get(0).dependsOn()).containsExactly("@babel/highlight");
    }

    @Test
    void bigYamlLockfile() throws Exception {
        // beyond SnakeYAML's default 3 MB document limit, as monorepo lockfiles are
        StringBuilder yaml = new StringBuilder("lockfileVersion: '9.0'\npackages:\n");
        for (int i = 0; i < 40_000; i++) {
            yaml.append("  pkg-").append(i).append("@1.0.").append(i).append(":\n    resolution: {integrity: sha512-")
                    .append("x".repeat(40)).append("}\n");
        }
        assertThat(yaml.length()).isGreaterThan(3 << 20);
        PackageList l = LangScans.analyze(PNPM, "pnpm-lock.yaml", yaml.toString());
        assertThat(l.diagnostics()).isEmpty();
        assertThat(l.packages()).hasSize(40_000);
    }

    @Test
    void pnpmVersions() throws Exception {
        PackageList v5 = LangScans.analyze(PNPM, "pnpm-lock.yaml", """
                lockfileVersion: 5.4
                packages:
                  /@babel/core/7.20.0:
                    resolution: {integrity: sha512-x}
                    dev: true
                  /react-dom/18.2.0_react@18.2.0:
                    dependencies:
                      react: 18.2.0
                    dev: false
                """);
        assertThat(LangScans.nameAtVersion(v5)).containsExactly("@babel/core@7.20.0", "react-dom@18.2.0");
        assertThat(v5.packages().get(0).dev()).isTrue();
        PackageList v6 = LangScans.analyze(PNPM, "pnpm-lock.yaml", """
                lockfileVersion: '6.0'
                packages:
                  /@babel/core@7.20.0:
                    dev: true
                  /react-dom@18.2.0(react@18.2.0):
                    dev: false
                """);
        assertThat(LangScans.nameAtVersion(v6)).containsExactly("@babel/core@7.20.0", "react-dom@18.2.0");
        PackageList v9 = LangScans.analyze(PNPM, "pnpm-lock.yaml", """
                lockfileVersion: '9.0'
                packages:
                  '@babel/core@7.20.0':
                    resolution: {integrity: sha512-x}
                  react-dom@18.2.0:
                    resolution: {integrity: sha512-y}
                snapshots:
                  react-dom@18.2.0(react@18.2.0):
                    dependencies:
                      react: 18.2.0
                """);
        assertThat(LangScans.nameAtVersion(v9)).containsExactly("@babel/core@7.20.0", "react-dom@18.2.0");
        assertThat(LangScans.analyze(PNPM, "pnpm-lock.yaml", "packages: [").diagnostics()).singleElement()
                .asString().contains("not valid YAML");
    }
}
