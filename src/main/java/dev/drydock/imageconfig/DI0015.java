package dev.drydock.imageconfig;

import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**  */
final class DI0015 extends UnneededTools {

    static final CheckInfo INFO = new CheckInfo("DI0015", Severity.LOW, CheckInfo.FILESYSTEM,
            "Shell in the final image",
            "A shell is what an attacker who gets code execution in the container reaches for first: it turns a single "
                    + "command injection into an interactive foothold, runs downloaded scripts, and chains the other "
                    + "tools of the image. An application started by exec form (`ENTRYPOINT [\"/app\"]`) needs none.",
            "Use a base without a shell (distroless, `FROM scratch` for static binaries), or build in one stage and copy "
                    + "only the application into a minimal final stage; start it with the exec form of ENTRYPOINT.",
            List.of("CIS-DI-0003"));

    private static final Pattern NAMES = Pattern.compile("sh|bash|rbash|dash|ash|busybox|zsh|ksh|ksh93|mksh|csh|tcsh|fish");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String kind() {
        return "Shell";
    }

    @Override
    Pattern names() {
        return NAMES;
    }
}
