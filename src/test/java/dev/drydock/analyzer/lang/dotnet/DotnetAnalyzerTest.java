package dev.drydock.analyzer.lang.dotnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.LangScans;
import org.junit.jupiter.api.Test;

class DotnetAnalyzerTest {

    @Test
    void dotnet() throws Exception {
        DotnetAnalyzer a = new DotnetAnalyzer();
        PackageList deps = LangScans.analyze(a, "app/App.deps.json", """
                {"runtimeTarget": {"name": ".NETCoreApp,Version=v8.0"},
                 "libraries": {
                   "App/1.0.0": {"type": "project", "serviceable": false},
                   "Newtonsoft.Json/13.0.3": {"type": "package", "serviceable": true, "sha512": "sha512-x"}}}
                """);
        assertThat(LangScans.nameAtVersion(deps)).containsExactly("Newtonsoft.Json@13.0.3");
        assertThat(deps.packages().get(0).purl()).isEqualTo("pkg:nuget/Newtonsoft.Json@13.0.3");
        PackageList lock = LangScans.analyze(a, "src/packages.lock.json", """
                {"version": 1, "dependencies": {"net8.0": {
                  "Serilog": {"type": "Direct", "requested": "[3.0.1, )", "resolved": "3.0.1"},
                  "System.Memory": {"type": "Transitive", "resolved": "4.5.5"},
                  "MyLib": {"type": "Project", "dependencies": {"Serilog": "[3.0.1, )"}}}}}
                """);
        assertThat(LangScans.nameAtVersion(lock)).containsExactly("Serilog@3.0.1", "System.Memory@4.5.5");
    }
}
