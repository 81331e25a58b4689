package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Unpinned packages in {@code pip install} (Hadolint DL3013). */
final class DL3013 extends InstructionRule {

    private static final Set<String> FLAGS_WITH_VALUE = Set.of("-b", "--build", "-e", "--editable",
            "--extra-index-url", "-f", "--find-links", "-i", "--index-url", "--implementation", "--no-binary",
            "--only-binary", "--platform", "--prefix", "--progress-bar", "--proxy", "--python-version", "--root",
            "--src", "-t", "--target", "--trusted-host", "--upgrade-strategy", "--abi", "-c", "--constraint", "-r",
            "--requirement", "--cache-dir", "--log", "--retries", "--timeout", "--exists-action", "--cert",
            "--client-cert", "--global-option", "--install-option", "-C", "--config-settings", "--report",
            "--python", "--use-feature", "--use-deprecated", "--keyring-provider");
    private static final List<String> VERSION_OPERATORS = List.of("==", ">=", "<=", "!=", "~=", ">", "<");
    private static final List<String> LOCAL_FILES = List.of(".whl", ".tar.gz", ".tgz", ".tar.bz2", ".zip");

    static final RuleInfo INFO = new RuleInfo("DL3013", Severity.WARNING,
            "Pin versions in pip install",
            "Without a version, `pip install` takes the newest release on the day of the build, so two builds of "
                    + "the same Dockerfile can contain different code, and a rebuild can break or pull in an "
                    + "unreviewed (or malicious) release.",
            "Write `pip install flask==3.0.2`, or install from a requirements or constraints file "
                    + "(`pip install -r requirements.txt`), ideally with hashes.",
            List.of(),
            "RUN pip install --no-cache-dir flask\n",
            "RUN pip install --no-cache-dir flask==3.0.2\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands()) {
            Optional<List<String>> args = pipArguments(c);
            if (args.isEmpty() || installsFromFile(args.get())) {
                continue;
            }
            List<String> ops = operands(args.get());
            if (ops.isEmpty() || !ops.get(0).equals("install")) {
                continue;
            }
            List<String> unpinned = ops.subList(1, ops.size()).stream().filter(p -> !isPinned(p)).toList();
            if (!unpinned.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "pip install without version for " + DL3008.quoted(unpinned) + "; use `" + unpinned.get(0)
                                + "==<version>` or a requirements file");
            }
        }
    }

    /** The arguments pip sees: of {@code pip}, {@code pip3}, {@code pip3.12}, or after {@code python -m pip}. */
    private static Optional<List<String>> pipArguments(ShellCommand c) {
        List<String> args = c.args();
        if (c.name().matches("pip(\\d+(\\.\\d+)*)?")) {
            return Optional.of(args);
        }
        if (c.name().matches("python(\\d+(\\.\\d+)*)?")) {
            for (int k = 0; k + 1 < args.size(); k++) {
                if (args.get(k).equals("-m") && args.get(k + 1).matches("pip\\d*")) {
                    return Optional.of(args.subList(k + 2, args.size()));
                }
            }
        }
        return Optional.empty();
    }

    /** As Hadolint: {@code -r}/{@code --requirement}, {@code -c}/{@code --constraint} pin elsewhere ({@code .} pins only itself). */
    private static boolean installsFromFile(List<String> args) {
        return args.stream().anyMatch(a -> a.matches("(-r|-c|--requirement|--constraint)(=.*)?")
                || a.matches("-[rc].+"));
    }

    private static List<String> operands(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("--")) {
                out.addAll(args.subList(k + 1, args.size()));
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (!a.contains("=") && FLAGS_WITH_VALUE.contains(a)) {
                    k++;
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * A version specifier, a VCS URL with {@code @revision}, a local archive or wheel, a path or URL; words with
     * a variable are unknown and skipped.
     */
    static boolean isPinned(String pkg) {
        if (pkg.contains("$")) {
            return true;
        }
        if (pkg.matches("(git|hg|svn|bzr)\\+.*")) {
            String path = pkg.contains("#") ? pkg.substring(0, pkg.indexOf('#')) : pkg;
            return path.substring(path.lastIndexOf('/') + 1).contains("@");
        }
        return VERSION_OPERATORS.stream().anyMatch(pkg::contains) || LOCAL_FILES.stream().anyMatch(pkg::endsWith)
                || pkg.contains("/") || pkg.startsWith(".");
    }
}
