package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * COPY or ADD of a file that holds secrets, named as a source: environment files, private keys, package-manager
 * and cloud credentials, SSH and AWS directories, git history. {@code COPY . .} is DD0017's business (it checks
 * the build context and .dockerignore); here only sources that name such a file count.
 */
final class DD0006 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0006", Severity.ERROR,
            "Do not copy secret files into the image",
            "A file copied into a layer ships with the image, and deleting it later does not remove it from that "
                    + "layer. Private keys, .env files, .npmrc/.pypirc/.netrc tokens, cloud credentials and the "
                    + "git history (with its remotes and every past version of every file) are then readable by "
                    + "anyone who can pull the image.",
            "Mount secrets only where they are needed: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, "
                    + "`RUN --mount=type=ssh`; give runtime secrets to the container from the orchestrator; add "
                    + "the files to .dockerignore.",
            List.of("DS031"),
            "COPY .env /app/.env\n",
            "COPY .env.example /app/.env.example\n",
            false);

    private static final Pattern ENV_FILE = Pattern.compile("\\.env(\\..+)?");
    private static final Set<String> HARMLESS_ENV = Set.of(".env.example", ".env.sample", ".env.template",
            ".env.dist", ".env.defaults");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!(i.is("COPY") || i.is("ADD")) || i.args().size() < 2) {
            return;
        }
        for (Word src : i.args().subList(0, i.args().size() - 1)) {
            String path = src.text();
            if (path.contains("://") || path.startsWith("<<")) {
                continue;
            }
            secret(path).ifPresent(kind -> out.report(i, src.position(),
                    i.keyword() + " puts `" + path + "` (" + kind + ") into the image; mount it as a secret or "
                            + "add it to .dockerignore"));
        }
    }

    /** What kind of secret the source path names, if any. */
    static Optional<String> secret(String path) {
        String p = path.replace('\\', '/');
        for (String part : p.split("/")) {
            String n = part.toLowerCase(Locale.ROOT);
            if (n.equals(".git")) {
                return Optional.of("git history");
            } else if (n.equals(".ssh") || n.matches("id_(rsa|dsa|ecdsa|ed25519)(_sk)?")) {
                return Optional.of("SSH keys");
            } else if (n.equals(".aws")) {
                return Optional.of("AWS credentials");
            } else if (n.equals(".gnupg")) {
                return Optional.of("GnuPG keys");
            } else if (ENV_FILE.matcher(n).matches() && !HARMLESS_ENV.contains(n)) {
                return Optional.of("an environment file");
            }
        }
        return CredentialFiles.credential(p) ? Optional.of("a credential file") : Optional.empty();
    }
}
