package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code VOLUME} on a directory of the host's kernel interfaces or of the container engine ({@code /proc},
 * {@code /sys}, {@code /dev}, the Docker socket...), or on {@code /} itself. An image volume is only a mount point, but
 * it invites {@code -v /sys:/sys}-style mounts and hides whatever the image put there.
 */
final class DI0020 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0020", Severity.HIGH, CheckInfo.IMAGE_CONFIG,
            "VOLUME on a sensitive directory",
            "Declaring /proc, /sys, /dev, /boot or the container engine's socket as a volume asks whoever runs the image "
                    + "to mount the host's: a container with the host's /sys or /dev can reconfigure the kernel and "
                    + "devices, and one with the Docker socket controls every container on the host.",
            "Remove the VOLUME instruction. If the application really needs host devices or kernel interfaces, document "
                    + "the exact mount and run it with the narrowest option (`--device`, a read-only bind).",
            List.of("DKL-DI-0002"));

    static final Map<String, String> SENSITIVE = new TreeMap<>(Map.of(
            "/", "the root directory", "/proc", "the kernel's process interface", "/sys", "the kernel's sysfs",
            "/dev", "the device nodes", "/boot", "the boot files", "/var/run/docker.sock", "the Docker socket",
            "/run/docker.sock", "the Docker socket", "/run/containerd/containerd.sock", "the containerd socket",
            "/var/lib/docker", "Docker's data directory"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        for (String v : new TreeSet<>(in.config().volumes().keySet())) {
            String dir = v.length() > 1 ? v.replaceAll("/+$", "") : v;
            String what = SENSITIVE.get(dir);
            if (what != null) {
                out.add(INFO.finding("VOLUME " + dir + " (" + what + ")",
                        "The image declares " + dir + ", " + what + ", as a volume.",
                        Finding.Location.config("Volumes[" + v + "]")));
            }
        }
        return out;
    }
}
