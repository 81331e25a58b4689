package dev.drydock.vulndb;

import java.util.List;

/** Looks advisories up by the package they affect. The SQLite database implements it; it is safe for concurrent reads. */
public interface AdvisoryStore extends AutoCloseable {

    /**
     * Advisories with an {@code affected[]} entry for this package, withdrawn ones included (the matcher decides).
     *
     * @param ecosystem the OSV ecosystem with its release where the ecosystem has one ({@code Debian:12},
     *                  {@code Alpine:v3.19}, {@code AlmaLinux:9}, {@code npm}); matched exactly as OSV spells it
     * @param name      the package name as OSV spells it (PyPI names normalised by PEP 503, Maven
     *                  {@code groupId:artifactId}, Go module path)
     */
    List<Advisory> find(String ecosystem, String name);

    @Override
    void close();
}
