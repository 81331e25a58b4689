package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Compilers and build tools installed in a single-stage build and never removed. */
final class DD0016 implements Rule {

    private static final Set<String> TOOLS = Set.of("build-essential", "build-base", "alpine-sdk", "gcc", "g++",
            "gcc-c++", "clang", "llvm", "make", "cmake", "ninja", "ninja-build", "autoconf", "automake", "libtool",
            "pkg-config", "pkgconf", "pkgconfig", "golang", "golang-go", "go", "rust", "rustc", "cargo", "maven",
            "gradle", "git", "linux-headers", "kernel-headers");
    private static final Pattern TOOL_PATTERNS = Pattern.compile(
            "(gcc|g\\+\\+|clang|llvm)-\\d+(\\.\\d+)?|golang-[\\d.]+(-go)?|openjdk-\\d+-jdk(-headless)?"
                    + "|openjdk\\d+(-jdk)?|java-[\\d.]+-openjdk-devel|.+-dev|.+-devel");

    static final RuleInfo INFO = new RuleInfo("DD0016", Severity.WARNING,
            "Do not ship compilers and build tools in a single-stage image",
            "Compilers, headers, make, git and JDKs are needed to build the application, not to run it. Left in "
                    + "the final image they add hundreds of megabytes, bring their own vulnerabilities into every "
                    + "scan, and give an attacker who gets a shell a ready toolchain to build exploits with.",
            "Use a multi-stage build: install the tools and build in a `FROM … AS build` stage, then `COPY "
                    + "--from=build` only the artifacts into a slim runtime stage. Or remove them in the same RUN "
                    + "that installed them (`apk add --virtual .build-deps … && apk del .build-deps`, "
                    + "`apt-get purge -y --auto-remove gcc`).",
            List.of(),
            "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev"
                    + " && rm -rf /var/lib/apt/lists/*\n",
            "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev"
                    + " && pip install psycopg2==2.9.9 && apt-get purge -y --auto-remove gcc libpq-dev"
                    + " && rm -rf /var/lib/apt/lists/*\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** One install command and the build tools it installed that are still there. */
    private record Install(Instruction at, PackageCommand command, Set<String> remaining) {
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<Stage> stages = ctx.dockerfile().stages();
        if (stages.size() != 1) {
            return;
        }
        List<Install> installs = new ArrayList<>();
        boolean markedAuto = false; // apt-mark auto: a later autoremove takes explicitly installed packages too
        for (Instruction i : stages.get(0).instructions()) {
            if (!i.is("RUN") || !ctx.posixShell(i)) {
                continue;
            }
            for (ShellCommand c : ctx.shell(i).commands()) {
                if (c.is("apt-mark") && c.subcommand().equals(Optional.of("auto"))) {
                    markedAuto = true;
                }
                Optional<PackageCommand> pc = PackageCommand.of(c);
                if (pc.isPresent() && pc.get().install()) {
                    Set<String> tools = new LinkedHashSet<>(pc.get().packages().stream().filter(DD0016::isTool).toList());
                    if (!tools.isEmpty()) {
                        installs.add(new Install(i, pc.get(), tools));
                    }
                } else if (pc.isPresent()) {
                    remove(installs, pc.get(), markedAuto);
                }
            }
        }
        for (Install in : installs) {
            if (!in.remaining().isEmpty()) {
                out.report(in.at(), "build tools " + String.join(", ", in.remaining()) + " installed by "
                        + in.command().manager() + " stay in the final image of this single-stage build; build in "
                        + "a separate stage and copy only the result");
            }
        }
    }

    private static void remove(List<Install> installs, PackageCommand removal, boolean markedAuto) {
        for (Install in : installs) {
            if (removal.all() && markedAuto || in.command().virtual() != null
                    && removal.packages().contains(in.command().virtual().toLowerCase(java.util.Locale.ROOT))) {
                in.remaining().clear();
            } else {
                in.remaining().removeAll(removal.packages());
            }
        }
    }

    static boolean isTool(String pkg) {
        return TOOLS.contains(pkg) || TOOL_PATTERNS.matcher(pkg).matches();
    }
}
