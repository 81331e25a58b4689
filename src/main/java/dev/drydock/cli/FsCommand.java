package dev.drydock.cli;

import dev.drydock.DrydockException.InputException;
import dev.drydock.policy.ImageFacts;
import dev.drydock.scan.ScanReport;
import dev.drydock.secret.SecretConfig;
import dev.drydock.scan.Scanner;
import dev.drydock.vulndb.VulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code drydock fs DIR}: a directory or unpacked root filesystem (lockfiles, installed packages, secrets). */
@Command(name = "fs", mixinStandardHelpOptions = true,
        description = "Scans a directory or an unpacked root filesystem: vulnerabilities in the packages its package"
                + " databases, lockfiles and binaries name, and secrets in its files. Symlinks are not followed; .git is skipped.",
        footer = {"", "Exit codes: 0 the policy passed, 1 (or --exit-code N) it failed (--fail-on, .drydock.yaml rules),"
                + " 2 usage error, 3 the directory or a policy, ignore or VEX file could not be read, 4 internal error."})
final class FsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory.")
    Path dir;

    @Mixin
    ScanOptions scan;

    @Mixin
    PolicyOptions policy;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws IOException {
        scan.check();
        output.outputs(); // a bad --format fails before any work
        PolicyOptions.Inputs rules = policy.load(Path.of("").toAbsolutePath());
        SecretConfig secretRules = SecretConfig.load(policy.config, Path.of("").toAbsolutePath());
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                    + " (drydock fs scans a directory; for an image archive use 'drydock image')");
        }
        Set<Scanner.Kind> kinds = scan.kinds();
        List<String> notes = new ArrayList<>();
        try (VulnDb db = scan.openDb(kinds, notes, System.err, Clock.systemUTC())) {
            notes.forEach(n -> System.err.println("drydock: " + n));
            ScanReport scanned = new Scanner(scan.scannerOptions(kinds, db, notes, policy.ignoreUnfixed), secretRules).directory(dir);
            ScanReport report = rules.apply(scanned, Clock.systemUTC(), ImageFacts.of(scanned));
            output.write(report);
            return policy.exitCode(report);
        }
    }
}
