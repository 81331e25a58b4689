package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ADD of a remote source that is not pinned: an HTTP(S) URL without {@code --checksum=sha256:…} (BuildKit
 * verifies it, Dockerfile syntax 1.6+), or a git repository without a commit in its fragment
 * ({@code …/repo.git#<40 hex digits>}) or a {@code --checksum}.
 */
final class DD0012 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0012", Severity.WARNING,
            "Verify files that ADD downloads with --checksum",
            "ADD fetches a URL at build time and trusts whatever comes back: a changed release, a compromised "
                    + "server or a hijacked domain puts different bytes into the image, and nothing fails. A "
                    + "git branch or tag can be moved just as silently.",
            "Add `--checksum=sha256:<digest>` to ADD of a URL (BuildKit then fails on a mismatch); for a git "
                    + "repository, reference a commit: `ADD https://github.com/org/repo.git#<commit sha> /src`.",
            List.of(),
            "ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n",
            "ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c \\\n"
                    + "    https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n",
            false);

    private static final Pattern CHECKSUM = Pattern.compile("sha(256|384|512):[0-9a-fA-F]+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("ADD") || i.args().size() < 2) {
            return;
        }
        boolean checksum = i.flag("checksum").map(f -> f.value() != null && !f.value().isBlank()).orElse(false);
        for (Word src : i.args().subList(0, i.args().size() - 1)) {
            String url = src.text();
            String lower = url.toLowerCase(Locale.ROOT);
            if (git(lower)) {
                String ref = url.contains("#") ? url.substring(url.indexOf('#') + 1).replaceAll(":.*", "") : "";
                if (!checksum && !COMMIT.matcher(ref).matches()) {
                    out.report(i, src.position(), "ADD of git repository `" + url + "` is not pinned to a commit; "
                            + "use `" + url.replaceAll("#.*", "") + "#<commit sha>`");
                }
            } else if ((lower.startsWith("http://") || lower.startsWith("https://"))
                    && !(checksum && CHECKSUM.matcher(i.flag("checksum").get().value()).matches())) {
                out.report(i, src.position(), "ADD downloads `" + url + "` without --checksum; add "
                        + "--checksum=sha256:<digest> so a changed or tampered file fails the build");
            }
        }
    }

    /** How BuildKit recognises a git source: git@ / git:// / ssh:// transports, or a path ending in .git. */
    private static boolean git(String url) {
        String path = url.replaceAll("#.*", "");
        return url.startsWith("git@") || url.startsWith("git://") || url.startsWith("ssh://")
                || (url.startsWith("http://") || url.startsWith("https://")) && path.endsWith(".git");
    }
}
