package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every scheme of this branch is a total order on its valid versions: reflexive, antisymmetric, transitive. */
class VersionSchemeConsistencyTest {

    static final Map<VersionScheme, List<String>> POOLS = Map.of(
            SemVer.SCHEME, List.of("0.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2",
                    "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.0+b", "1.0.1-0", "1.10.0", "1.9.0", "2.0.0-A", "2.0.0-a"),
            SemVer.NPM, List.of("v1.0.0", "1.0.0-0", "1.0.0-x.1", "1.0.0-x.a", "1.0.0", "v2.0.0-rc.1", "2.0.0+z", "0.0.1"),
            GoVersion.INSTANCE, List.of("v1", "v1.2", "1.2.0", "v1.2.3-pre", "v1.2.3+incompatible", "go1.21rc2", "go1.21.0",
                    "v0.0.0-20191109021931-daa7c04131f5", "v1.2.4-0.20191109021931-daa7c04131f5", "0", "go1.9beta1"),
            CargoVersion.INSTANCE, List.of("1.0.0", "1.0.0+0", "1.0.0+00", "1.0.0+a", "1.0.0-rc.1", "1.0.0-rc.1+x",
                    "0.1.0", "1.0.1", "1.0.0+1.a", "1.0.0+1"),
            MavenVersion.INSTANCE, List.of("1", "1.0", "1-ga", "1-sp", "1-alpha-1", "1-a1", "1-rc", "1-cr", "1-SNAPSHOT",
                    "1.0.0.x1", "1-x2", "1-1", "1.1", "1-abc", "1.0000000000.1", "1.5.1", "1..1", "1-0.1", "2.0.RELEASE"),
            NuGetVersion.INSTANCE, List.of("1", "1.0.0.0", "1.0.0.1", "1.0.0-beta", "1.0.0-BETA.2", "1.0.0-beta.10",
                    "1.0.0--1", "1.0.0-0", "1.0.0-2147483648", "1.0.0-a", "1.01", "1.10", "1.2-preview"),
            ComposerVersion.INSTANCE, List.of("1.0.0", "1.0", "v1.0.0", "1.0.0-dev", "1.0.0-alpha1", "1.0.0-a2",
                    "1.0.0-beta", "1.0.0-RC1", "1.0.0-p1", "1.0.0-patch2", "1.0.1", "1.x-dev", "2010-01-02", "1.0.0-beta.2"));

    @Test
    void totalOrders() {
        for (Map.Entry<VersionScheme, List<String>> e : POOLS.entrySet()) {
            VersionScheme s = e.getKey();
            List<String> vs = e.getValue();
            List<String> broken = new ArrayList<>();
            for (String a : vs) {
                if (s.compare(a, a) != 0) {
                    broken.add("not reflexive: " + a);
                }
                for (String b : vs) {
                    int ab = Integer.signum(s.compare(a, b));
                    if (ab != -Integer.signum(s.compare(b, a))) {
                        broken.add("not antisymmetric: " + a + ", " + b);
                    }
                    for (String c : vs) {
                        int bc = Integer.signum(s.compare(b, c));
                        int ac = Integer.signum(s.compare(a, c));
                        if (ab <= 0 && bc <= 0 && ac > 0 || ab >= 0 && bc >= 0 && ac < 0) {
                            broken.add("not transitive: " + a + ", " + b + ", " + c);
                        }
                    }
                }
            }
            assertThat(broken).as(s.name()).isEmpty();
        }
    }

    @Test
    void registryMapsEcosystemsToTheseSchemes() {
        assertThat(VersionSchemes.forEcosystem("npm")).containsSame(SemVer.NPM);
        assertThat(VersionSchemes.forEcosystem("Go")).containsSame(GoVersion.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("crates.io")).containsSame(CargoVersion.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("Maven")).containsSame(MavenVersion.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("NuGet")).containsSame(NuGetVersion.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("Packagist")).containsSame(ComposerVersion.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("Hex")).containsSame(SemVer.SCHEME);
        assertThat(VersionSchemes.byName("semver")).containsSame(SemVer.SCHEME);
        assertThat(VersionSchemes.byName("composer")).containsSame(ComposerVersion.INSTANCE);
    }
}
