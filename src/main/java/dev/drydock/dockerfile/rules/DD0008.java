package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A base image outside {@link LintSettings#allowedBaseImages()}. Patterns are globs: {@code *} matches within one
 * path component ({@code cgr.dev/chainguard/*}), {@code **} across components, {@code ?} one character. A pattern
 * without tag or digest allows every tag of that repository. Docker Hub images match by short name
 * ({@code python:3.12}) and by full name ({@code docker.io/library/python:3.12}). Does nothing when the list is
 * empty; skips {@code scratch}, earlier stages and references a variable without default leaves unknown.
 */
final class DD0008 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0008", Severity.ERROR,
            "Use only allowed base images",
            "Your organisation lists the base images it patches, scans and supports (the `allowedBaseImages` "
                    + "setting). An image from elsewhere escapes that process: its vulnerabilities, licences and "
                    + "provenance are nobody's responsibility.",
            "Rebase on one of the allowed images, or have the image added to `allowedBaseImages` in the drydock "
                    + "configuration.",
            List.of(),
            "FROM python:3.12-slim\n",
            "FROM debian:12-slim\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        List<String> allowed = ctx.settings().allowedBaseImages();
        if (allowed.isEmpty()) {
            return;
        }
        List<Pattern> patterns = allowed.stream().map(DD0008::glob).toList();
        for (Stage s : ctx.dockerfile().stages()) {
            Optional<ImageReference> ref = BaseImages.of(s);
            if (ref.isEmpty() || ref.get().spellings().stream().anyMatch(n -> patterns.stream().anyMatch(
                    p -> p.matcher(n).matches()))) {
                continue;
            }
            Position at = s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position();
            out.report(s.from(), at, "base image `" + s.image() + "` is not in the allowed base images ("
                    + String.join(", ", allowed) + ")");
        }
    }

    static Pattern glob(String pattern) {
        StringBuilder sb = new StringBuilder();
        String p = pattern.trim();
        for (int k = 0; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c == '*' && k + 1 < p.length() && p.charAt(k + 1) == '*') {
                sb.append(".*");
                k++;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
