package dev.drydock.imageconfig;

import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Regular files with the setuid or setgid bit, one finding each, with the package that installed it. Distribution
 * images ship a handful ({@code su}, {@code passwd}, {@code mount}...); each is a way to gain privileges inside the
 * container when it runs as a user.
 */
final class DI0004 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0004", Severity.LOW, CheckInfo.FILESYSTEM,
            "setuid or setgid file",
            "A setuid (setgid) program runs with its owner's (group's) privileges whoever starts it: a bug in it, or "
                    + "in what it loads, lets a process that runs as a user become root inside the container. Most "
                    + "containers need none of them (CIS Docker Benchmark 4.8).",
            "Remove the bits in the last build step: "
                    + "`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, or remove the packages that "
                    + "bring them; and run containers with `--security-opt no-new-privileges` (Kubernetes "
                    + "`allowPrivilegeEscalation: false`), which makes the bits inert.",
            List.of("CIS-DI-0008"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<String> paths = new ArrayList<>();
        for (MergedView.Owned o : in.view().files().values()) {
            if (Owners.isFile(o.info()) && (o.info().mode() & 06000) != 0) {
                paths.add(o.info().path());
            }
        }
        Owners owners = Owners.of(in, paths);
        List<Finding> out = new ArrayList<>();
        for (String p : paths) {
            MergedView.Owned o = in.view().files().get(p);
            int mode = o.info().mode();
            String bits = (mode & 04000) != 0 && (mode & 02000) != 0 ? "setuid and setgid"
                    : (mode & 04000) != 0 ? "setuid" : "setgid";
            String who = (mode & 04000) != 0 ? "uid " + o.info().uid() : "gid " + o.info().gid();
            out.add(INFO.finding(bits + " file /" + p,
                    "/" + p + " is " + bits + " (mode " + String.format("%04o", mode & 07777) + ", runs as " + who
                            + "); " + owners.describe(p) + ".",
                    Owners.location(in, p)));
        }
        return out;
    }
}
