package dev.drydock.analyzer;

import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.secret.SecretAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The registry of analyzers: every built-in one is listed here, explicitly; a duplicate type is an error. */
public final class Analyzers {

    private Analyzers() {
    }

    /** Every built-in analyzer, in a stable order. */
    public static List<Analyzer<?>> builtIn() {
        return of(List.of(
                new OsReleaseAnalyzer(),
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
