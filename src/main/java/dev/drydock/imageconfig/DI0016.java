package dev.drydock.imageconfig;

import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**  */
final class DI0016 extends UnneededTools {

    static final CheckInfo INFO = new CheckInfo("DI0016", Severity.LOW, CheckInfo.FILESYSTEM,
            "Package manager in the final image",
            "A package manager in a running container lets an intruder install whatever tools the image lacks, and "
                    + "lets people patch containers by hand instead of rebuilding the image. Nothing at run time needs "
                    + "apt, dpkg, apk, rpm, pip or npm.",
            "Install packages in a build stage and copy the result into a final stage without a package manager "
                    + "(distroless images have none), or remove it in the last step where the base allows it.",
            List.of("CIS-DI-0003"));

    private static final Pattern NAMES = Pattern.compile("apt|apt-get|aptitude|dpkg|apk|yum|dnf|dnf5|microdnf|rpm|zypper|pip|pip[23](\\.[0-9]+)?|npm|yarn|pnpm");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String kind() {
        return "Package manager";
    }

    @Override
    Pattern names() {
        return NAMES;
    }
}
