package dev.drydock.dockerfile.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-of-life dates of base images and of the distributions in their tags (DD0024). Dates are the end of free
 * security support as published by each project:
 * Debian LTS (wiki.debian.org/LTS), Ubuntu standard support (ubuntu.com/about/release-cycle),
 * Alpine (alpinelinux.org/releases), Python (devguide.python.org/versions), Node.js (github.com/nodejs/Release),
 * Go (go.dev/doc/devel/release: a release is supported until the second newer one ships), CentOS
 * (centos.org, CentOS Linux EOL), and the Docker Hub openjdk deprecation notice (July 2022).
 */
final class EndOfLife {

    /**
     * One reason an image is past support: what, and since when; {@code exact} false when {@code since} is the
     * date of a later release, used for versions older than the table.
     */
    record Finding(String what, LocalDate since, boolean exact) {

        Finding(String what, String since) {
            this(what, LocalDate.parse(since), true);
        }

        @Override
        public String toString() {
            return what + " reached end of life " + (exact ? "on " : "by ") + since;
        }
    }

    private static final Map<String, String[]> DEBIAN = Map.of(
            "jessie", new String[] {"Debian 8 (jessie)", "2020-06-30"},
            "stretch", new String[] {"Debian 9 (stretch)", "2022-06-30"},
            "buster", new String[] {"Debian 10 (buster)", "2024-06-30"},
            "bullseye", new String[] {"Debian 11 (bullseye)", "2026-08-31"});
    private static final Map<String, String> DEBIAN_VERSIONS = Map.of("8", "jessie", "9", "stretch", "10", "buster",
            "11", "bullseye");
    private static final Map<String, String[]> UBUNTU = Map.of(
            "trusty", new String[] {"Ubuntu 14.04 (trusty)", "2019-04-30"},
            "xenial", new String[] {"Ubuntu 16.04 (xenial)", "2021-04-30"},
            "bionic", new String[] {"Ubuntu 18.04 (bionic)", "2023-05-31"},
            "focal", new String[] {"Ubuntu 20.04 (focal)", "2025-05-31"});
    private static final Map<String, String> UBUNTU_VERSIONS = Map.of("14.04", "trusty", "16.04", "xenial",
            "18.04", "bionic", "20.04", "focal");
    private static final Map<Integer, String> ALPINE = Map.of(13, "2022-11-01", 14, "2023-05-01", 15, "2023-11-01",
            16, "2024-05-23", 17, "2024-11-22", 18, "2025-05-09", 19, "2025-11-01", 20, "2026-04-01",
            21, "2026-11-01");
    private static final Map<Integer, String> PYTHON3 = Map.of(3, "2017-09-29", 4, "2019-03-18", 5, "2020-09-13", 6, "2021-12-23", 7, "2023-06-27",
            8, "2024-10-07", 9, "2025-10-31", 10, "2026-10-31");
    private static final Map<Integer, String> NODE = Map.ofEntries(Map.entry(0, "2016-12-31"),
            Map.entry(4, "2018-04-30"), Map.entry(5, "2016-06-30"), Map.entry(6, "2019-04-30"),
            Map.entry(7, "2017-06-30"), Map.entry(8, "2019-12-31"),
            Map.entry(9, "2018-06-30"), Map.entry(10, "2021-04-30"), Map.entry(11, "2019-06-01"),
            Map.entry(12, "2022-04-30"), Map.entry(13, "2020-06-01"), Map.entry(14, "2023-04-30"),
            Map.entry(15, "2021-06-01"), Map.entry(16, "2023-09-11"), Map.entry(17, "2022-06-01"),
            Map.entry(18, "2025-04-30"), Map.entry(19, "2023-06-01"), Map.entry(20, "2026-04-30"),
            Map.entry(21, "2024-06-01"), Map.entry(22, "2027-04-30"), Map.entry(23, "2025-06-01"),
            Map.entry(25, "2026-06-01"));
    private static final Map<String, Integer> NODE_CODENAMES = Map.of("dubnium", 10, "erbium", 12, "fermium", 14,
            "gallium", 16, "hydrogen", 18, "iron", 20);
    private static final Map<Integer, String> GO = Map.of(18, "2023-02-01", 19, "2023-08-08", 20, "2024-02-06", 21, "2024-08-13", 22, "2025-02-11",
            23, "2025-08-12");
    /** Go releases whose end of life is known by month only: Go 1.26 shipped in February 2026, 1.27 in August. */
    private static final Map<Integer, String> GO_BY = Map.of(24, "2026-02-28", 25, "2026-08-31");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?.*");
    private static final Pattern ALPINE_SUFFIX = Pattern.compile("alpine3\\.(\\d+)");

    private EndOfLife() {
    }

    /** Why {@code name:tag} is past support on {@code today}; {@code name} is an official image's short name. */
    static List<Finding> of(String name, String tag, LocalDate today) {
        String t = tag == null ? "latest" : tag.toLowerCase(Locale.ROOT);
        List<Finding> all = new ArrayList<>();
        Matcher v = VERSION.matcher(t);
        Integer major = v.matches() ? Integer.valueOf(v.group(1)) : null;
        Integer minor = v.matches() && v.group(2) != null ? Integer.valueOf(v.group(2)) : null;
        switch (name) {
            case "centos" -> all.add(new Finding("CentOS Linux" + (t.startsWith("8") ? " 8" : ""),
                    t.startsWith("8") ? "2021-12-31" : "2024-06-30"));
            case "openjdk" -> all.add(new Finding("The openjdk image (deprecated on Docker Hub)", "2022-07-01"));
            case "debian" -> distro(DEBIAN, DEBIAN_VERSIONS.getOrDefault(t.split("[-.]")[0], t.split("-")[0]), all);
            case "ubuntu" -> distro(UBUNTU, UBUNTU_VERSIONS.getOrDefault(t.split("-")[0], t.split("-")[0]), all);
            case "alpine" -> alpine(major != null && major == 3 ? minor : null, all);
            case "python" -> {
                if (major != null && major == 2) {
                    all.add(new Finding("Python 2", "2020-01-01"));
                } else if (major != null && major == 3 && minor != null && PYTHON3.containsKey(minor)) {
                    all.add(new Finding("Python 3." + minor, PYTHON3.get(minor)));
                }
            }
            case "node" -> {
                Integer m = major != null ? major : NODE_CODENAMES.get(t.split("-")[0]);
                if (m != null && NODE.containsKey(m)) {
                    all.add(new Finding("Node.js " + m, NODE.get(m)));
                }
            }
            case "golang" -> {
                if (major != null && major == 1 && minor != null && minor <= 23) {
                    all.add(GO.containsKey(minor) ? new Finding("Go 1." + minor, GO.get(minor))
                            : new Finding("Go 1." + minor, LocalDate.parse(GO.get(18)), false));
                } else if (major != null && major == 1 && minor != null && GO_BY.containsKey(minor)) {
                    // a Go release is supported until the second newer one ships; these dates bound that release
                    all.add(new Finding("Go 1." + minor, LocalDate.parse(GO_BY.get(minor)), false));
                }
            }
            default -> {
            }
        }
        for (String part : t.split("-")) { // distribution variants: python:3.12-slim-bullseye, node:20-alpine3.18
            if (!name.equals("debian") && !name.equals("ubuntu")) {
                distro(DEBIAN, part, all);
                distro(UBUNTU, part, all);
            }
            Matcher a = ALPINE_SUFFIX.matcher(part);
            if (a.matches()) {
                alpine(Integer.valueOf(a.group(1)), all);
            }
        }
        return all.stream().filter(f -> !f.since().isAfter(today)).toList();
    }

    private static void distro(Map<String, String[]> table, String codename, List<Finding> out) {
        String[] row = table.get(codename);
        if (row != null) {
            out.add(new Finding(row[0], row[1]));
        }
    }

    private static void alpine(Integer minor, List<Finding> out) {
        if (minor != null && ALPINE.containsKey(minor)) {
            out.add(new Finding("Alpine 3." + minor, ALPINE.get(minor)));
        } else if (minor != null && minor < 13) {
            out.add(new Finding("Alpine 3." + minor, LocalDate.parse(ALPINE.get(13)), false));
        }
    }
}
