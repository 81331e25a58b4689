package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;
import java.util.Optional;

/**
 * A LABEL key that breaks Docker's key format recommendations (Hadolint DL3048): lower-case letters, digits,
 * {@code .} and {@code -}; starting with a letter and ending with a letter or digit; no {@code ..} or {@code --};
 * not in the namespaces Docker reserves ({@code com.docker.}, {@code io.docker.}, {@code org.dockerproject.}).
 */
final class DL3048 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3048", Severity.STYLE,
            "Invalid label key",
            "Docker's object label guidelines ask for lower-case, dot-separated keys in reverse DNS notation and "
                    + "reserve the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces. Tools that "
                    + "read labels (OCI annotations, registries, Kubernetes) match keys exactly, so `Maintainer` "
                    + "and `maintainer` are different labels and only one is found.",
            "Use lower-case reverse-DNS keys such as `org.opencontainers.image.authors`; avoid `_`, upper case and "
                    + "the reserved namespaces.",
            List.of(),
            "LABEL Maintainer=\"Jane Doe <jane@example.com>\"\n",
            "LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
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
            problem(kv.key()).ifPresent(p ->
                    out.report(i, kv.position(), "Invalid label key `" + kv.key() + "`: " + p + "."));
        }
    }

    static Optional<String> problem(String key) {
        if (key.startsWith("com.docker.") || key.startsWith("io.docker.") || key.startsWith("org.dockerproject.")) {
            return Optional.of("the `" + key.substring(0, key.indexOf('.', key.indexOf('.') + 1) + 1)
                    + "` namespace is reserved for Docker");
        }
        if (key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return Optional.of("it must start with a lower-case letter");
        }
        if (!key.matches("[a-z0-9.-]*")) {
            return Optional.of("use only lower-case letters, digits, `.` and `-`");
        }
        if (!key.matches(".*[a-z0-9]")) {
            return Optional.of("it must end with a lower-case letter or a digit");
        }
        if (key.contains("..") || key.contains("--")) {
            return Optional.of("it must not contain consecutive separators `..` or `--`");
        }
        return Optional.empty();
    }
}
