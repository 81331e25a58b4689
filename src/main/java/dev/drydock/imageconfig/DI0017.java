package dev.drydock.imageconfig;

import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**  */
final class DI0017 extends UnneededTools {

    static final CheckInfo INFO = new CheckInfo("DI0017", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "curl or wget in the final image",
            "curl and wget fetch an attacker's second stage into the container and send data out of it; they are the "
                    + "tools most exploitation scripts assume. A service rarely needs a command-line HTTP client at run "
                    + "time (a health check can be a small static probe).",
            "Use curl or wget in a build stage only (download, verify the checksum, copy the result into the final "
                    + "stage), or purge them in the RUN that used them: `apt-get purge -y --auto-remove curl`.",
            List.of("CIS-DI-0003"));

    private static final Pattern NAMES = Pattern.compile("curl|wget|wget2");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String kind() {
        return "Download tool";
    }

    @Override
    Pattern names() {
        return NAMES;
    }
}
