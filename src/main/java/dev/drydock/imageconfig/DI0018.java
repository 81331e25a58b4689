package dev.drydock.imageconfig;

import dev.drydock.scan.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**  */
final class DI0018 extends UnneededTools {

    static final CheckInfo INFO = new CheckInfo("DI0018", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "Compiler in the final image",
            "A compiler lets an intruder build exploits and tools inside the container for its exact kernel and libraries, "
                    + "and it brings hundreds of megabytes of toolchain, headers and their vulnerabilities. Compiled "
                    + "programs do not need their compiler to run.",
            "Compile in a build stage (`FROM golang:1.22 AS build`, `FROM gcc AS build`, a JDK stage) and copy only the "
                    + "built artefact into a runtime image (distroless static or cc, a JRE).",
            List.of("CIS-DI-0003"));

    private static final Pattern NAMES = Pattern.compile("(?:[a-z0-9_]+-linux-gnu-)?(?:gcc|g\\+\\+|c\\+\\+|cc|clang|clang\\+\\+)(?:-[0-9]+(?:\\.[0-9]+)*)?|tcc|go|javac|rustc");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String kind() {
        return "Compiler";
    }

    @Override
    Pattern names() {
        return NAMES;
    }
}
