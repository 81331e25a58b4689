package dev.drydock.analyzer;

import dev.drydock.analyzer.lang.dotnet.DotnetAnalyzer;
import dev.drydock.analyzer.lang.go.GoBinaryAnalyzer;
import dev.drydock.analyzer.lang.go.GoModAnalyzer;
import dev.drydock.analyzer.lang.java.JarAnalyzer;
import dev.drydock.analyzer.lang.npm.NodeModulesAnalyzer;
import dev.drydock.analyzer.lang.npm.PackageLockAnalyzer;
import dev.drydock.analyzer.lang.npm.PnpmLockAnalyzer;
import dev.drydock.analyzer.lang.npm.YarnLockAnalyzer;
import dev.drydock.analyzer.lang.php.ComposerAnalyzer;
import dev.drydock.analyzer.lang.python.PythonLockAnalyzer;
import dev.drydock.analyzer.lang.python.PythonMetadataAnalyzer;
import dev.drydock.analyzer.lang.python.RequirementsAnalyzer;
import dev.drydock.analyzer.lang.ruby.GemfileLockAnalyzer;
import dev.drydock.analyzer.lang.ruby.GemspecAnalyzer;
import dev.drydock.analyzer.lang.rust.AuditableBinaryAnalyzer;
import dev.drydock.analyzer.lang.rust.CargoLockAnalyzer;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.analyzer.ospkg.apk.ApkAnalyzer;
import dev.drydock.analyzer.ospkg.dpkg.DpkgAnalyzer;
import dev.drydock.analyzer.ospkg.dpkg.DpkgFilesAnalyzer;
import dev.drydock.analyzer.ospkg.rpm.RpmAnalyzer;
import dev.drydock.imageconfig.AccountsAnalyzer;
import dev.drydock.secret.SecretAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The registry of analyzers: every built-in one is listed here, explicitly; a duplicate type is an error. */
public final class Analyzers {

    private Analyzers() {
    }

    /**
     * Analyzer types left out of {@link #builtIn()}, comma-separated: for benchmarks that time the layer walk without
     * one analyzer (bench/secrets.sh sets {@code secret}); not a user option.
     */
    static final String DISABLE_ENV = "DRYDOCK_BENCH_DISABLE_ANALYZERS";

    /** Every built-in analyzer, in a stable order (less those {@value #DISABLE_ENV} names). */
    public static List<Analyzer<?>> builtIn() {
        String disable = System.getenv(DISABLE_ENV);
        if (disable == null || disable.isBlank()) {
            return all();
        }
        Set<String> off = Set.of(disable.split("\\s*,\\s*"));
        return all().stream().filter(a -> !off.contains(a.type())).toList();
    }

    private static List<Analyzer<?>> all() {
        return of(List.of(
                new OsReleaseAnalyzer(),
                new DpkgAnalyzer(),
                new DpkgFilesAnalyzer(),
                new ApkAnalyzer(),
                new RpmAnalyzer(),
                // language packages
                new NodeModulesAnalyzer(), new PackageLockAnalyzer(), new YarnLockAnalyzer(), new PnpmLockAnalyzer(),
                new PythonMetadataAnalyzer(), new RequirementsAnalyzer(), new PythonLockAnalyzer(),
                new JarAnalyzer(),
                new GoBinaryAnalyzer(), new GoModAnalyzer(),
                new CargoLockAnalyzer(), new AuditableBinaryAnalyzer(),
                new GemspecAnalyzer(), new GemfileLockAnalyzer(),
                new ComposerAnalyzer(),
                new DotnetAnalyzer(),
                // accounts (passwd, shadow, group, hashes dropped) for the image checks
                new AccountsAnalyzer(),
                // secrets in every file of every layer
                new SecretAnalyzer()));
    }

    /** Checks a set of analyzers for duplicate or empty types. */
    public static List<Analyzer<?>> of(List<? extends Analyzer<?>> analyzers) {
        Set<String> seen = new HashSet<>();
        for (Analyzer<?> a : analyzers) {
            if (a.type() == null || a.type().isBlank()) {
                throw new IllegalArgumentException("analyzer " + a.getClass().getName() + " has no type");
            }
            if (!seen.add(a.type())) {
                throw new IllegalArgumentException("analyzer type '" + a.type() + "' is registered twice");
            }
        }
        return List.copyOf(new ArrayList<>(analyzers));
    }
}
