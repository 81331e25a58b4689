package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;
import java.util.Optional;

/**
 * An ARG that carries a secret: a default value shaped like a credential or a literal default on a
 * credential-looking name, or, inside a stage, a credential-looking name at all, because the value given with
 * {@code --build-arg} is recorded in the history of the RUN instructions that follow. A global ARG (before the
 * first FROM) without such a default is only visible to FROM lines and is not reported.
 */
final class DD0002 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0002", Severity.ERROR,
            "Do not pass secrets with ARG",
            "Build arguments are not secret: their defaults are in the Dockerfile, and the values used by RUN "
                    + "instructions are recorded in the image history (`docker history --no-trunc` shows "
                    + "`|1 NPM_TOKEN=… /bin/sh -c npm ci`) and in BuildKit provenance. Anyone with the image, or "
                    + "the build cache, can read them.",
            "Use a build secret: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` with "
                    + "`docker build --secret id=npm_token,env=NPM_TOKEN .`; rotate any secret already passed as an "
                    + "ARG.",
            List.of("DS031"),
            "FROM node:20-bookworm-slim\nARG NPM_TOKEN\nRUN npm ci\n",
            "FROM node:20-bookworm-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("ARG")) {
            return;
        }
        for (KeyValue kv : i.pairs()) {
            Optional<String> leak = SecretPatterns.leak(kv.key(), kv.value());
            if (leak.isPresent()) {
                out.report(i, kv.position(), "ARG " + leak.get() + ": ARG defaults and build-arg values are "
                        + "recorded in the image history; use RUN --mount=type=secret");
            } else if (i.stage() >= 0 && SecretPatterns.secretName(kv.key()) && !pathOrSwitch(kv.value())) {
                out.report(i, kv.position(), "ARG `" + kv.key() + "` looks like a credential: the value passed "
                        + "with --build-arg is recorded in the image history; use RUN --mount=type=secret");
            }
        }
    }

    /** {@code ARG GOOGLE_APPLICATION_CREDENTIALS=/run/key.json}, {@code ARG USE_TOKEN=false}: not a secret's value. */
    private static boolean pathOrSwitch(String value) {
        return value != null && !value.isEmpty() && !SecretPatterns.isReference(value)
                && !SecretPatterns.literalSecret(value);
    }
}
