package dev.drydock.imageconfig;

import dev.drydock.analyzer.Package;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayersReport;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The shared half of the "unneeded tools" checks: find programs of one kind in the binary directories of the final
 * filesystem, follow their symlinks to the real file ({@code sh -> dash}, {@code cc -> /etc/alternatives/cc ->
 * gcc-12}), and report one finding per package that brings them, with the programs' sizes and the package's installed
 * size, so the fix is concrete: the package to drop, and what dropping it saves. Programs no package owns (a static
 * busybox, a copied binary) are reported one finding per file. This is what docker-slim learns by running the
 * container, found statically.
 */
abstract class UnneededTools implements ImageCheck {

    static final List<String> BIN_DIRS = List.of("bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin");

    static final String SLIM_ADVICE = " A distroless base (gcr.io/distroless/static, base, cc, java, python3…), a "
            + "slim base, or a multi-stage build that copies only the application into the final stage "
            + "(`COPY --from=build /app /app`) removes them.";

    /** What kind of tool, for titles: {@code Shell}, {@code Package manager}. */
    abstract String kind();

    /** Program names (the file name in a binary directory) of this kind. */
    abstract Pattern names();

    /** One program found: the names that lead to it, the real file, its size. */
    record Program(List<String> names, String path, long size) {
    }

    @Override
    public List<Finding> check(CheckInput in) {
        Map<String, Program> programs = find(in);
        Owners owners = Owners.of(in, programs.keySet());
        Map<String, List<Program>> byPackage = new TreeMap<>();
        Map<String, Package> packages = new TreeMap<>();
        List<Program> unowned = new ArrayList<>();
        for (Program p : programs.values()) {
            List<Package> o = owners.get(p.path());
            if (o.isEmpty()) {
                unowned.add(p);
            } else {
                byPackage.computeIfAbsent(o.get(0).name(), k -> new ArrayList<>()).add(p);
                packages.put(o.get(0).name(), o.get(0));
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Program>> e : byPackage.entrySet()) {
            Package pkg = packages.get(e.getKey());
            long installed = owners.size(pkg);
            List<Program> list = e.getValue();
            out.add(info().finding(kind() + " in the final image: " + names(list) + " (package " + pkg.name() + ", "
                            + LayersReport.bytes(installed) + ")",
                    "Package " + pkg.name() + (pkg.version() == null ? "" : " " + pkg.version()) + " brings "
                            + describe(list) + "; the package installs " + LayersReport.bytes(installed) + " in all."
                            + SLIM_ADVICE,
                    Owners.location(in, list.get(0).path())));
        }
        for (Program p : unowned) {
            out.add(info().finding(kind() + " in the final image: " + names(List.of(p)) + " (/" + p.path() + ", "
                            + LayersReport.bytes(p.size()) + ")",
                    describe(List.of(p)) + ", which no package owns (copied in or built)." + SLIM_ADVICE,
                    Owners.location(in, p.path())));
        }
        return out;
    }

    /** Programs of this kind, by real path. */
    Map<String, Program> find(CheckInput in) {
        Map<String, List<String>> namesByPath = new LinkedHashMap<>();
        for (String dir : binDirs(in)) {
            MergedView.Owned d = in.view().files().get(dir);
            if (d == null || d.info().isDirectory()) {
                // a bin directory that is a symlink (Debian's /bin -> usr/bin) is listed under its target
                for (Map.Entry<String, MergedView.Owned> e : in.view().files().subMap(dir + "/", dir + "0").entrySet()) {
                    String name = e.getKey().substring(dir.length() + 1);
                    FileInfo f = e.getValue().info();
                    if (name.contains("/") || !names().matcher(name).matches() || f.isDirectory()) {
                        continue;
                    }
                    String real = Owners.canonical(in.view(), e.getKey());
                    MergedView.Owned r = real == null ? null : in.view().files().get(real);
                    if (r != null && Owners.isFile(r.info())) {
                        List<String> names = namesByPath.computeIfAbsent(real, k -> new ArrayList<>());
                        if (!names.contains(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        Map<String, Program> out = new TreeMap<>();
        namesByPath.forEach((path, names) -> out.put(path, new Program(names.stream().sorted().toList(), path,
                size(in.view(), path))));
        return out;
    }

    /**
     * The usual binary directories and those of the config's {@code PATH} (the golang image runs go from
     * {@code /usr/local/go/bin}, JDK images javac from {@code /opt/java/openjdk/bin}).
     */
    static List<String> binDirs(CheckInput in) {
        List<String> dirs = new ArrayList<>(BIN_DIRS);
        for (String env : in.config().env()) {
            if (env.startsWith("PATH=")) {
                for (String d : env.substring(5).split(":")) {
                    String dir = Owners.strip(d).replaceAll("/+$", "");
                    if (!dir.isEmpty() && !dir.contains("$") && !dirs.contains(dir)) {
                        dirs.add(dir);
                    }
                }
            }
        }
        return dirs;
    }

    private static long size(MergedView view, String path) {
        FileInfo f = view.files().get(path).info();
        MergedView.Owned t = f.type() == FileInfo.Type.HARDLINK ? view.files().get(f.linkName()) : null;
        if (t != null) {
            return t.info().size();
        }
        return f.size();
    }

    private static String names(List<Program> list) {
        List<String> all = new ArrayList<>();
        list.forEach(p -> all.addAll(p.names()));
        return String.join(", ", all.stream().distinct().sorted().toList());
    }

    private static String describe(List<Program> list) {
        List<String> parts = new ArrayList<>();
        for (Program p : list) {
            String real = Owners.baseName(p.path());
            List<String> aliases = p.names().stream().filter(n -> !n.equals(real)).toList();
            parts.add("/" + p.path() + " (" + LayersReport.bytes(p.size()) + ")"
                    + (aliases.isEmpty() ? "" : ", also run as " + String.join(", ", aliases)));
        }
        return String.join("; ", parts);
    }
}
