package dev.drydock.analyzer;

import java.util.List;

/**
 * What a package analyzer found in one file: its packages, and what it could not read (a truncated database, an
 * entry without a version) as diagnostics that name the place. Diagnostics never stop the scan.
 */
public record PackageList(List<Package> packages, List<String> diagnostics) {

    public PackageList {
        packages = packages == null ? List.of() : List.copyOf(packages);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    public static PackageList of(List<Package> packages) {
        return new PackageList(packages, List.of());
    }
}
