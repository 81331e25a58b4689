package dev.drydock.imageconfig;

import dev.drydock.analyzer.Package;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Distro;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code sudo} (or {@code doas}) is installed: found as a package of the inventory, or as a program in the usual
 * binary directories (a static copy no package owns).
 */
final class DI0008 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0008", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "sudo is installed",
            "sudo in a container is a ready-made privilege escalation: a process that runs as a user and finds a "
                    + "sudoers rule (or a bug in sudo itself, such as CVE-2021-3156) becomes root. A container needs no "
                    + "interactive privilege switching; its user is chosen at start.",
            "Do not install sudo: run root-only build steps before `USER`, and switch users at start with the "
                    + "orchestrator's `runAsUser` or a small tool like `gosu`/`su-exec` in the entrypoint if needed.",
            List.of("DKL-DI-0001"));

    static final Set<String> NAMES = Set.of("sudo", "sudo-rs", "doas", "opendoas");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        List<String> programs = new ArrayList<>();
        for (String dir : UnneededTools.binDirs(in)) {
            for (String name : List.of("sudo", "doas")) {
                String canonical = Owners.canonical(in.view(), dir + "/" + name);
                if (canonical != null && Owners.isFile(in.view().files().get(canonical).info())
                        && !programs.contains(canonical)) {
                    programs.add(canonical);
                }
            }
        }
        Owners owners = Owners.of(in, programs);
        if (in.inventory() != null) {
            for (Package p : in.inventory().packages()) {
                if (NAMES.contains(p.name()) && Distro.isOsEcosystem(p.ecosystem())) {
                    String program = programs.stream().filter(q -> owners.get(q).contains(p))
                            .findFirst().orElse(null);
                    out.add(INFO.finding("sudo is installed: package " + p.name() + " " + p.version(),
                            "Package " + p.name() + " " + p.version() + " is installed"
                                    + (program == null ? "" : " (/" + program + setuid(in, program) + ")") + ".",
                            program == null ? Finding.Location.file(Owners.strip(p.path() == null ? "" : p.path()), null)
                                    : Owners.location(in, program)));
                }
            }
        }
        for (String program : programs) {
            if (owners.get(program).isEmpty()) {
                out.add(INFO.finding("sudo is installed: /" + program,
                        "/" + program + " is in the image" + setuid(in, program) + "; no package owns it.",
                        Owners.location(in, program)));
            }
        }
        return out;
    }

    private static String setuid(CheckInput in, String path) {
        MergedView.Owned o = in.view().files().get(path);
        return o != null && (o.info().mode() & 04000) != 0 ? ", setuid root" : "";
    }
}
