package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import dev.drydock.dockerfile.Stage;
import java.util.List;
import java.util.Optional;

/**
 * A secret in ENV: a credential-looking name with a literal value, a value shaped like a credential whatever its
 * name ({@link SecretPatterns}), or a credential-looking build argument copied into ENV
 * ({@code ARG NPM_TOKEN} … {@code ENV NPM_TOKEN=$NPM_TOKEN}), which bakes the value passed at build time into the
 * image. Other references ({@code ENV DB_PASSWORD=$DB_PASSWORD} without such an ARG) are plumbing, not secrets.
 * Messages name the variable and never show the value.
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
            Optional<String> leak = SecretPatterns.leak(kv.key(), kv.value());
            if (leak.isPresent()) {
                out.report(i, kv.position(), "ENV " + leak.get() + ": secrets in ENV are readable by anyone "
                        + "with the image");
                continue;
            }
            for (String ref : SecretPatterns.references(kv.value())) {
                if ((SecretPatterns.secretName(kv.key()) || SecretPatterns.secretName(ref)) && argBefore(ctx, i, ref)) {
                    out.report(i, kv.position(), "ENV `" + kv.key() + "` copies build argument `" + ref
                            + "` into the image configuration, where anyone with the image can read it");
                    break;
                }
            }
        }
    }

    /** Whether an ARG of that name is declared earlier in the instruction's stage. */
    private static boolean argBefore(LintContext ctx, Instruction i, String name) {
        if (i.stage() < 0 || i.stage() >= ctx.dockerfile().stages().size()) {
            return false;
        }
        Stage s = ctx.dockerfile().stages().get(i.stage());
        return s.instructions().stream().filter(x -> x.is("ARG") && x.start().offset() < i.start().offset())
                .anyMatch(x -> x.pairs().stream().anyMatch(kv -> kv.key().equals(name)));
    }
}
