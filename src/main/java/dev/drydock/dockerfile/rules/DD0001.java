package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;

/**
 * A secret in ENV: a credential-looking name with a literal value, or a value shaped like a credential whatever
 * its name ({@link SecretPatterns}). Messages name the variable and never show the value.
 */
final class DD0001 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0001", Severity.ERROR,
            "Do not put secrets in ENV",
            "ENV values are stored in the image configuration: anyone who can pull the image reads them with "
                    + "`docker inspect` or `docker history`, every later stage and container inherits them, and "
                    + "they stay in registries and caches long after the credential is rotated.",
            "Pass build-time secrets with `RUN --mount=type=secret,id=…` and runtime secrets from the "
                    + "orchestrator (environment at `docker run -e`, Kubernetes Secrets, a `*_FILE` variable pointing "
                    + "at a mounted file); then rotate the leaked credential.",
            List.of("DS031"),
            "ENV DB_PASSWORD=s3cr3t-Pa55word\n",
            "ENV DB_PASSWORD_FILE=/run/secrets/db_password\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("ENV")) {
            return;
        }
        for (KeyValue kv : i.pairs()) {
            SecretPatterns.leak(kv.key(), kv.value())
                    .ifPresent(why -> out.report(i, kv.position(), "ENV " + why + ": secrets in ENV are readable by "
                            + "anyone with the image"));
        }
    }
}
