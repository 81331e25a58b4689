package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ADD of a remote source that is not pinned: an HTTP(S) URL without {@code --checksum=sha256:…} (BuildKit
 * verifies it, Dockerfile syntax 1.6+), or a git repository without a commit: none in its fragment
 * ({@code …/repo.git#<40 hex digits>}) or {@code ?ref=} query, and no {@code ?checksum=} / {@code ?commit=} query
 * (Dockerfile 1.18) or {@code --checksum} (for git, the commit SHA or a prefix of it, which BuildKit checks).
 */
final class DD0012 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0012", Severity.WARNING,
            "Verify files that ADD downloads with --checksum",
            "ADD fetches a URL at build time and trusts whatever comes back: a changed release, a compromised "
                    + "server or a hijacked domain puts different bytes into the image, and nothing fails. A "
                    + "git branch or tag can be moved just as silently.",
            "Add `--checksum=sha256:<digest>` to ADD of a URL (BuildKit then fails on a mismatch); for a git "
                    + "repository, reference a commit: `ADD https://github.com/org/repo.git?tag=v1.2.3&checksum="
                    + "<commit sha> /src` (Dockerfile 1.18+) or `ADD https://github.com/org/repo.git#<commit sha> /src`.",
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
        String flagChecksum = i.flag("checksum").map(f -> f.value() == null ? "" : f.value().strip()).orElse("");
        for (Word src : i.args().subList(0, i.args().size() - 1)) {
            String url = src.text();
            String lower = url.toLowerCase(Locale.ROOT);
            if (git(lower)) {
                if (flagChecksum.isEmpty() && !pinnedGit(url)) {
                    out.report(i, src.position(), "ADD of git repository `" + url + "` is not pinned to a commit; "
                            + "use `" + pinnedForm(url) + "`");
                }
            } else if ((lower.startsWith("http://") || lower.startsWith("https://"))
                    && !CHECKSUM.matcher(flagChecksum).matches()) {
                out.report(i, src.position(), "ADD downloads `" + url + "` without --checksum; add "
                        + "--checksum=sha256:<digest> so a changed or tampered file fails the build");
            }
        }
    }

    /**
     * A git source pinned to a commit: BuildKit verifies a {@code checksum} (alias {@code commit}) query against
     * the commit the ref resolves to, and a ref ({@code #ref[:subdir]} or {@code ?ref=}) that is a full commit
     * id cannot move. {@code ?tag=}, {@code ?branch=} and named refs can.
     */
    private static boolean pinnedGit(String url) {
        Map<String, String> query = query(url);
        String ref = url.contains("#") ? url.substring(url.indexOf('#') + 1).replaceAll(":.*", "")
                : query.getOrDefault("ref", "");
        return !query.getOrDefault("checksum", query.getOrDefault("commit", "")).isBlank()
                || COMMIT.matcher(ref).matches();
    }

    /** The URL as the message suggests it: the query form gains {@code &checksum=}, the fragment form a commit. */
    private static String pinnedForm(String url) {
        if (url.contains("?") && !url.contains("#")) {
            String base = url.replaceAll("[?&](checksum|commit)=[^&]*", "");
            return base + (base.contains("?") ? "&" : "?") + "checksum=<commit sha>";
        }
        return url.replaceAll("#.*", "") + "#<commit sha>";
    }

    /** The query parameters of a git URL ({@code repo.git?tag=v1&subdir=docs}); the fragment is not part of it. */
    private static Map<String, String> query(String url) {
        String noFragment = url.replaceAll("#.*", "");
        Map<String, String> out = new HashMap<>();
        if (noFragment.contains("?")) {
            for (String kv : noFragment.substring(noFragment.indexOf('?') + 1).split("&")) {
                int eq = kv.indexOf('=');
                out.putIfAbsent(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return out;
    }

    /**
     * How BuildKit recognises a git source: git@ / git:// / ssh:// transports, or an HTTP(S) URL whose path
     * ends in .git, before any {@code ?query} or {@code #fragment}.
     */
    private static boolean git(String url) {
        String path = url.replaceAll("[?#].*", "");
        return url.startsWith("git@") || url.startsWith("git://") || url.startsWith("ssh://")
                || (url.startsWith("http://") || url.startsWith("https://")) && path.endsWith(".git");
    }
}
