package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an image check is: stable id, default severity, and the text a user reads.
 *
 * @param id        stable id {@code DInnnn}; never reused for another meaning
 * @param severity  default severity (a finding may be rated higher or lower when its detail says so, e.g. a secret
 *                  rule's own severity)
 * @param target    the group its findings are reported under: {@link #IMAGE_CONFIG} or {@link #FILESYSTEM}
 * @param title     one line, says what is wrong
 * @param rationale why it matters, a few sentences
 * @param fix       how to fix it
 * @param aliases   the same check in Dockle ({@code CIS-DI-0001}, {@code DKL-DI-0001}, {@code DKL-LI-0001}); Dockle's
 *                  {@code CIS-DI-000n} codes are the CIS Docker Benchmark's recommendation 4.n
 */
public record CheckInfo(String id, Severity severity, String target, String title, String rationale, String fix,
                        List<String> aliases) {

    public static final String IMAGE_CONFIG = "image config";
    public static final String FILESYSTEM = "filesystem";

    public CheckInfo {
        aliases = aliases.stream().sorted().toList();
        if (!id.matches("DI\\d{4}")) {
            throw new IllegalArgumentException("image check id must be DInnnn: " + id);
        }
        if (!target.equals(IMAGE_CONFIG) && !target.equals(FILESYSTEM)) {
            throw new IllegalArgumentException(id + ": target must be '" + IMAGE_CONFIG + "' or '" + FILESYSTEM + "'");
        }
    }

    /** Anchor of this check's section in docs/image-checks.md. */
    public String anchor() {
        return id.toLowerCase(Locale.ROOT);
    }

    public String docsUrl() {
        return "https://github.com/drydock-dev/drydock/blob/main/docs/image-checks.md#" + anchor();
    }

    /** A finding of this check with its default severity and aliases. */
    Finding finding(String title, String description, Finding.Location location) {
        return finding(severity, aliases, title, description, location);
    }

    /** A finding of this check; {@code aliases} the subset that names this finding's case. */
    Finding finding(Severity severity, List<String> aliases, String title, String description, Finding.Location location) {
        List<String> refs = new ArrayList<>();
        refs.add(docsUrl());
        if (aliases.stream().anyMatch(a -> a.startsWith("CIS-DI-") || a.startsWith("DKL-"))) {
            refs.add("https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md");
        }
        return new Finding(Finding.Kind.MISCONFIGURATION, id, aliases.stream().sorted().toList(), severity, title,
                description, target, location, null, fix, refs, null);
    }
}
