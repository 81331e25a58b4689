package dev.drydock.sbom;

import dev.drydock.analyzer.Package;
import dev.drydock.scan.Distro;
import dev.drydock.scan.Inventory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What both SBOM writers need beyond the inventory, computed once and deterministically: a unique reference per
 * package, dependencies resolved from names to references, a stable document id, and the one timestamp.
 *
 * @param entries the inventory's packages, in its order, each with its reference and resolved dependencies
 * @param created when the document says it was made: {@code SOURCE_DATE_EPOCH}, else the image's creation time,
 *                else null (the writer decides: CycloneDX leaves it out, SPDX must have one)
 * @param uuid    name-based (RFC 4122 v3) from the image digest, or from the directory's packages: the same input gives
 *                the same document
 */
record SbomModel(Inventory inventory, List<Entry> entries, Instant created, UUID uuid) {

    /** One package, its document-unique reference, and the references of the packages it depends on. */
    record Entry(Package pkg, String ref, List<String> dependsOn) {
    }

    static SbomModel of(Inventory inventory, Map<String, String> env) {
        List<Package> pkgs = inventory.packages();
        List<String> refs = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Package p : pkgs) {
            String base = p.purl() != null ? p.purl() : p.ecosystem() + "/" + p.name() + "@" + p.version();
            String ref = base;
            if (!taken.add(ref)) {
                ref = base + "#" + p.path();
                for (int n = 2; !taken.add(ref); n++) {
                    ref = base + "#" + p.path() + "#" + n;
                }
            }
            refs.add(ref);
        }
        // dependencies name packages: prefer the one from the same file, else the only one of that name in the ecosystem
        Map<String, String> byFile = new HashMap<>();
        Map<String, List<String>> byEcosystem = new HashMap<>();
        for (int i = 0; i < pkgs.size(); i++) {
            Package p = pkgs.get(i);
            byFile.putIfAbsent(p.ecosystem() + "\n" + p.path() + "\n" + p.name(), refs.get(i));
            byEcosystem.computeIfAbsent(p.ecosystem() + "\n" + p.name(), k -> new ArrayList<>()).add(refs.get(i));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < pkgs.size(); i++) {
            Package p = pkgs.get(i);
            Set<String> deps = new LinkedHashSet<>();
            for (String name : p.dependsOn()) {
                String ref = byFile.get(p.ecosystem() + "\n" + p.path() + "\n" + name);
                if (ref == null) {
                    List<String> any = byEcosystem.getOrDefault(p.ecosystem() + "\n" + name, List.of());
                    ref = any.size() == 1 ? any.get(0) : null;
                }
                if (ref != null && !ref.equals(refs.get(i))) {
                    deps.add(ref);
                }
            }
            entries.add(new Entry(p, refs.get(i), List.copyOf(deps)));
        }
        String seed = inventory.subject().isDirectory()
                ? "directory\n" + inventory.subject().name() + "\n" + String.join("\n", refs)
                : "image\n" + inventory.subject().digest();
        UUID uuid = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        return new SbomModel(inventory, entries, created(inventory.subject().created(), env), uuid);
    }

    /**
     * {@code DRYDOCK_SOURCE_DATE_EPOCH} or {@code SOURCE_DATE_EPOCH} (reproducible-builds.org: seconds since the
     * epoch), else the image's {@code created}, truncated to seconds; null when there is neither.
     */
    static Instant created(String imageCreated, Map<String, String> env) {
        for (String name : List.of("DRYDOCK_SOURCE_DATE_EPOCH", "SOURCE_DATE_EPOCH")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(v.strip()));
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    throw new dev.drydock.DrydockException.UsageException(name + " must be seconds since 1970-01-01, got '" + v + "'");
                }
            }
        }
        if (imageCreated != null && !imageCreated.isBlank()) {
            try {
                return OffsetDateTime.parse(imageCreated).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The OS packages' reference list and everything else's, for the root's dependency lists. */
    boolean isOs(Entry e) {
        return Distro.isOsEcosystem(e.pkg().ecosystem());
    }
}
