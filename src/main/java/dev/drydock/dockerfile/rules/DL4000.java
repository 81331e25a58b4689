package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import java.util.List;

/**
 * MAINTAINER is deprecated (Hadolint DL4000). The fix rewrites it to the label Docker documents as its
 * replacement, {@code LABEL maintainer="…"}, keeping the exact text: MAINTAINER does not expand variables and
 * LABEL does, so {@code $} is escaped, as are the quote and the escape character.
 */
final class DL4000 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL4000", Severity.ERROR,
            "MAINTAINER is deprecated",
            "MAINTAINER has been deprecated since Docker 1.13: it sets only the image's legacy Author field, which "
                    + "tools no longer show. A label is visible to `docker inspect`, registries and SBOM tools, and "
                    + "can follow the OCI annotation names.",
            "Replace `MAINTAINER name` with `LABEL maintainer=\"name\"` (or `org.opencontainers.image.authors`).",
            List.of("DS022", "CKV_DOCKER_6"),
            "FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n",
            "FROM debian:12\nLABEL maintainer=\"Jane Doe <jane@example.com>\"\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("MAINTAINER")) {
            return;
        }
        String src = ctx.dockerfile().source();
        boolean atKeyword = src.regionMatches(true, i.start().offset(), "MAINTAINER", 0, "MAINTAINER".length());
        if (i.stage() < 0 || i.text().isBlank() || !atKeyword) {
            // LABEL before FROM is an error, and an ONBUILD trigger starts at ONBUILD: no safe fix
            out.report(i, "MAINTAINER is deprecated");
            return;
        }
        String label = "LABEL maintainer=" + quoted(i.text().strip(), ctx.dockerfile().escape());
        out.report(i, "MAINTAINER is deprecated", new Edit(i.start().offset(), i.end().offset(), label));
    }

    /** A double-quoted LABEL value that BuildKit's word processing turns back into exactly {@code text}. */
    static String quoted(String text, char escape) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '$' || c == escape) {
                sb.append(escape);
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
