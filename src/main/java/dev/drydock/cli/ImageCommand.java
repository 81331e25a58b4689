package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
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

/** {@code drydock image REF}: the full scan of an image (vulnerabilities, secrets, image config, layers). */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Scans an image: vulnerabilities in OS and language packages (against the local database, see"
                + " 'drydock db'), secrets in every layer (deleted files too) and in the image config, and layer efficiency."
                + " The image is read once; every scanner works from that one pass.",
                ImageOptions.REF_FORMS},
        footer = {"", "Exit codes: 0 the policy passed, 1 (or --exit-code N) it failed (--fail-on, .drydock.yaml rules),"
                + " 2 usage error, 3 the image or a policy, ignore or VEX file could not be read or is invalid, 4 internal error."})
final class ImageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REF", description = "The image.")
    String ref;

    @Mixin
    ImageOptions image;

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
        if (scan.offline && isRegistryReference(ref)) {
            throw new UsageException("--offline: '" + ref + "' is a registry reference and pulling it needs the network;"
                    + " scan a docker-archive:, oci-archive: or oci: copy instead");
        }
        var platform = image.platform();
        var sourceOptions = image.sourceOptions();
        Set<Scanner.Kind> kinds = scan.kinds();
        List<String> notes = new ArrayList<>();
        try (VulnDb db = scan.openDb(kinds, notes, System.err, Clock.systemUTC())) {
            notes.forEach(n -> System.err.println("drydock: " + n));
            Scanner.ImageScan scanned = new Scanner(scan.scannerOptions(kinds, db, notes, policy.ignoreUnfixed), secretRules)
                    .scanImage(ref, platform, image.cache(), sourceOptions);
            ScanReport report = rules.apply(scanned.report(), Clock.systemUTC(),
                    ImageFacts.of(scanned.image().config(), scanned.image().annotations(), scanned.report()));
            output.write(report);
            return policy.exitCode(report);
        }
    }

    /** Not one of the local forms (archives, layouts, daemons, an existing path). */
    static boolean isRegistryReference(String ref) {
        for (String prefix : List.of("docker-archive:", "oci-archive:", "oci:", "docker-daemon:", "podman:", "dir:")) {
            if (ref.startsWith(prefix)) {
                return false;
            }
        }
        try {
            return !Files.exists(Path.of(ref));
        } catch (RuntimeException e) {
            return true;
        }
    }
}
