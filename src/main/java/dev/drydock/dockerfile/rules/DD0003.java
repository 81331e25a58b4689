package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;

/**
 * A secret in LABEL: a credential-looking key ({@code com.example.api-key}) with a literal value, or a value shaped
 * like a credential ({@link SecretPatterns}). Messages name the label and never show the value.
 */
final class DD0003 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0003", Severity.ERROR,
            "Do not put secrets in LABEL",
            "Labels are image metadata: registries index them, `docker inspect` and SBOM tools print them, and they "
                    + "are copied to every image built on this one. A token in a label is published with the image.",
            "Remove the secret from the label and rotate it; labels should describe the image (version, source, "
                    + "licence), never grant access to anything.",
            List.of(),
            "LABEL com.example.deploy-token=\"glpat-AbCdEfGhIjKlMnOpQrSt\"\n",
            "LABEL org.opencontainers.image.source=\"https://github.com/example/app\"\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("LABEL")) {
            return;
        }
        for (KeyValue kv : i.pairs()) {
            SecretPatterns.leak(kv.key(), kv.value())
                    .ifPresent(why -> out.report(i, kv.position(), "LABEL " + why + ": labels are published with "
                            + "the image"));
        }
    }
}
