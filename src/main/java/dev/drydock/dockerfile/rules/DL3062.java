package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import dev.drydock.dockerfile.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code go install}, {@code go get} or {@code go run} of a remote package without a fixed version (Hadolint
 * DL3062): no {@code @version}, or a query that moves ({@code @latest}, a branch such as {@code @master}). Local
 * packages ({@code .}, {@code ./cmd/...}, {@code /src/app}, {@code main.go}) are built from the context and fine.
 */
final class DL3062 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3062", Severity.WARNING,
            "Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`",
            "Without a version, `go install` and `go get` fetch whatever the module's latest release (or default "
                    + "branch) is at build time: two builds of the same Dockerfile get different code, a broken "
                    + "or compromised release lands in the image unnoticed, and the build cannot be reproduced.",
            "Append an exact version: `go install golang.org/x/tools/gopls@v0.15.2`.",
            List.of(),
            "RUN go install github.com/go-delve/delve/cmd/dlv@latest\n",
            "RUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1\n",
            false);

    /** Build flags that take a value as the next word ({@code -tags netgo}); go's flag package allows -- too. */
    private static final Set<String> VALUE_FLAGS;

    static {
        List<String> names = List.of("C", "p", "o", "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags",
                "installsuffix", "ldflags", "mod", "modfile", "overlay", "pgo", "pkgdir", "tags", "toolexec", "exec",
                "covermode", "coverpkg");
        List<String> flags = new ArrayList<>();
        names.forEach(n -> { flags.add("-" + n); flags.add("--" + n); });
        VALUE_FLAGS = Set.copyOf(flags);
    }

    private static final Set<String> MOVING = Set.of("latest", "upgrade", "patch", "master", "main", "head");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands("go")) {
            List<String> ops = c.operands(VALUE_FLAGS);
            if (ops.isEmpty() || !Set.of("install", "get", "run").contains(ops.get(0))) {
                continue;
            }
            String sub = ops.get(0);
            List<String> packages = sub.equals("run") ? ops.subList(1, Math.min(2, ops.size()))
                    : ops.subList(1, ops.size()).stream().filter(p -> !p.equals("tool")).toList();
            for (String p : packages) {
                if (!pinned(p, sub)) {
                    String bare = p.contains("@") ? p.substring(0, p.lastIndexOf('@')) : p;
                    ShellWord w = c.words().stream().filter(x -> x.text().equals(p)).findFirst()
                            .orElse(c.words().get(0));
                    out.report(i, ScriptSource.position(ctx.dockerfile(), i, w), "Pin versions in go. Instead of `go "
                            + sub + " " + p + "` use `go " + sub + " " + bare + "@<version>`.");
                }
            }
        }
    }

    static boolean pinned(String pkg, String sub) {
        if (pkg.equals(".") || pkg.startsWith("./") || pkg.startsWith("../") || pkg.startsWith("/")
                || pkg.endsWith(".go") || pkg.matches("\\$\\{?\\w+}?")) {
            return true; // local package or file, or a variable that may well hold pkg@version
        }
        int at = pkg.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String version = pkg.substring(at + 1).toLowerCase(Locale.ROOT);
        return version.equals("none") ? sub.equals("get") : !version.isEmpty() && !MOVING.contains(version);
    }
}
