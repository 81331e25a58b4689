package dev.drydock.cli;

import dev.drydock.DrydockException.InputException;
import dev.drydock.DrydockException.UsageException;
import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.NpmRange;
import dev.drydock.version.VersionReadings;
import dev.drydock.version.VersionScheme;
import dev.drydock.version.VersionSchemes;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock version compare|satisfies|ecosystems}: version ordering exactly as the matcher applies it. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Compares versions in an ecosystem's own scheme (the order drydock matches advisories with).",
        subcommands = {VersionCommand.Compare.class, VersionCommand.Satisfies.class, VersionCommand.Ecosystems.class})
final class VersionCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing command: compare, satisfies or ecosystems (e.g. 'drydock version compare --ecosystem npm 1.2.3 1.10.0')");
    }

    static VersionScheme scheme(String ecosystem) {
        return VersionSchemes.byName(ecosystem).orElseThrow(() -> new UsageException("--ecosystem: no version scheme for '"
                + ecosystem + "'; known: " + String.join(", ", VersionSchemes.ecosystems())
                + " (or a scheme name; see 'drydock version ecosystems')"));
    }

    /** {@code compare}: -1, 0 or 1 per pair. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Prints -1, 0 or 1 as A is older than, equal to or newer than B in the ecosystem's scheme.",
                    "With --stdin: reads pairs 'A B' (or 'A<TAB>B' for versions with spaces), one per line, and prints one"
                            + " result per line; a bad line prints 'error: line N: ...' in its place and the exit code is 3."},
            footer = {"", "Exit codes: 0 compared, 2 usage error, 3 an invalid version (with --stdin: on any line)."})
    static final class Compare implements Callable<Integer> {

        /** Longest accepted stdin line, in characters; longer lines are reported, not buffered. */
        static final int MAX_LINE = 64 * 1024;

        @Option(names = {"-e", "--ecosystem"}, required = true, paramLabel = "ECOSYSTEM",
                description = "OSV ecosystem (npm, Go, Maven, NuGet, Packagist, crates.io, Debian:12, ...) or scheme name.")
        String ecosystem;

        @Option(names = "--stdin", description = "Read 'A B' pairs from stdin, one per line.")
        boolean stdin;

        @Option(names = "--explain", description = "Also show how the scheme reads each version (its normalised form).")
        boolean explain;

        @Parameters(arity = "0..2", paramLabel = "VERSION", description = "A and B (without --stdin).")
        List<String> versions = List.of();

        @Override
        public Integer call() throws IOException {
            VersionScheme scheme = scheme(ecosystem);
            if (stdin != versions.isEmpty() || (!stdin && versions.size() != 2)) {
                throw new UsageException(stdin ? "--stdin reads the versions from stdin; give none as arguments"
                        : "give two versions A B, or --stdin");
            }
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            if (explain && stdin) {
                throw new UsageException("--explain works on one pair, not with --stdin");
            }
            if (!stdin) {
                int c;
                try {
                    c = Integer.signum(scheme.compare(versions.get(0), versions.get(1)));
                    if (explain) {
                        out.println("A " + versions.get(0) + " reads as " + VersionReadings.describe(scheme, versions.get(0)));
                        out.println("B " + versions.get(1) + " reads as " + VersionReadings.describe(scheme, versions.get(1)));
                        out.println("in " + scheme.name() + " order: A " + (c < 0 ? "<" : c == 0 ? "=" : ">") + " B");
                    }
                } catch (InvalidVersionException e) {
                    throw new InputException(e.getMessage());
                }
                out.println(c);
                out.flush();
                return ExitCodes.OK;
            }
            int errors = 0;
            int lineNumber = 0;
            Reader in = new java.io.BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            for (int ch = in.read(); ch != -1 || !line.isEmpty() || tooLong; ch = in.read()) {
                if (ch != -1 && ch != '\n') {
                    if (line.length() < MAX_LINE) {
                        line.append((char) ch);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                lineNumber++;
                String text = line.toString();
                String result = tooLong ? "error: line " + lineNumber + ": longer than " + MAX_LINE + " characters"
                        : compareLine(scheme, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, lineNumber);
                errors += result.startsWith("error:") ? 1 : 0;
                out.println(result);
                line.setLength(0);
                tooLong = false;
                if (ch == -1) {
                    break;
                }
            }
            out.flush();
            if (errors > 0) {
                System.err.println("drydock: " + errors + " of " + lineNumber + " line(s) could not be compared");
                return ExitCodes.INPUT;
            }
            return ExitCodes.OK;
        }

        static String compareLine(VersionScheme scheme, String text, int lineNumber) {
            String[] pair = text.indexOf('\t') >= 0 ? text.split("\t", -1) : text.strip().split(" +", -1);
            if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
                return "error: line " + lineNumber + ": expected two versions 'A B' (or 'A<TAB>B'), got '" + text + "'";
            }
            try {
                return String.valueOf(Integer.signum(scheme.compare(pair[0], pair[1])));
            } catch (InvalidVersionException e) {
                return "error: line " + lineNumber + ": " + e.getMessage();
            }
        }
    }

    /** {@code satisfies}: npm's {@code semver.satisfies}. */
    @Command(name = "satisfies", mixinStandardHelpOptions = true,
            description = {"Prints true or false as VERSION satisfies RANGE, as node-semver's satisfies(version, range) decides"
                    + " (^, ~, x-ranges, hyphen ranges, ||; a pre-release only where the range names one of the same"
                    + " major.minor.patch). Only npm ranges for now."},
            footer = {"", "Exit codes: 0 answered, 2 usage error, 3 an invalid version or range."})
    static final class Satisfies implements Callable<Integer> {

        @Option(names = {"-e", "--ecosystem"}, required = true, paramLabel = "ECOSYSTEM", description = "npm.")
        String ecosystem;

        @Parameters(index = "0", paramLabel = "VERSION")
        String version;

        @Parameters(index = "1", paramLabel = "RANGE")
        String range;

        @Override
        public Integer call() {
            if (!ecosystem.equalsIgnoreCase("npm")) {
                throw new UsageException("satisfies knows npm ranges only, not '" + ecosystem + "'");
            }
            NpmRange r;
            try {
                scheme("npm").validate(version);
                r = NpmRange.parse(range);
            } catch (InvalidVersionException e) {
                throw new InputException(e.getMessage());
            }
            System.out.println(r.test(version));
            System.out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code ecosystems}: which scheme each ecosystem uses. */
    @Command(name = "ecosystems", mixinStandardHelpOptions = true,
            description = "Lists the ecosystems drydock orders versions for, with the scheme each uses.")
    static final class Ecosystems implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String e : VersionSchemes.ecosystems()) {
                System.out.println(e + "\t" + VersionSchemes.forEcosystem(e).orElseThrow().name());
            }
            System.out.flush();
            return ExitCodes.OK;
        }
    }
}
