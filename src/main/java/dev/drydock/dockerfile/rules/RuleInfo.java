package dev.drydock.dockerfile.rules;

import java.util.List;
import java.util.Locale;

/**
 * What a rule is: stable id, default severity, and the text a user reads.
 *
 * @param id        stable id: Hadolint's {@code DLxxxx} where the meaning matches, else drydock's {@code DDxxxx}
 * @param severity  default severity
 * @param title     one line, says what is wrong ("Pin versions in apt-get install")
 * @param rationale why it matters, a few sentences
 * @param fix       how to fix it
 * @param aliases   the same check in other tools: Trivy {@code DS0xx}, Checkov {@code CKV_DOCKER_n}, Dockle ids
 * @param failing   a Dockerfile snippet this rule reports (shown in docs, checked by a test)
 * @param passing   the fixed snippet this rule does not report (shown in docs, checked by a test)
 * @param fixable   whether {@code --fix} can rewrite it
 */
public record RuleInfo(String id, Severity severity, String title, String rationale, String fix,
                       List<String> aliases, String failing, String passing, boolean fixable) {

    public RuleInfo {
        aliases = List.copyOf(aliases);
        if (!id.matches("(DL|DD|SC)\\d{4}")) {
            throw new IllegalArgumentException("rule id must be DLnnnn, DDnnnn or SCnnnn: " + id);
        }
    }

    /** Anchor of this rule's section in docs/rules.md. */
    public String anchor() {
        return id.toLowerCase(Locale.ROOT);
    }

    public String docsUrl() {
        return "https://github.com/drydock-dev/drydock/blob/main/docs/rules.md#" + anchor();
    }
}
