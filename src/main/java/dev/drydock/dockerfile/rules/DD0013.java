package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TLS certificate or package signature checks switched off by a flag, option or environment variable. */
final class DD0013 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0013", Severity.ERROR,
            "Do not disable TLS certificate or package signature verification",
            "Certificate and signature checks are what stop a man-in-the-middle, a hijacked mirror or a poisoned "
                    + "proxy from handing the build a different file than the one asked for. `curl -k`, "
                    + "`--nogpgcheck`, `--allow-unauthenticated`, `NODE_TLS_REJECT_UNAUTHORIZED=0` and the like "
                    + "turn them off, so whatever arrives is installed and baked into the image; set with ENV, the "
                    + "setting also weakens every connection the running container makes.",
            "Remove the flag or variable. If a corporate proxy re-signs TLS, add its CA certificate to the image "
                    + "(`COPY corp-ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`) or "
                    + "point the tool at it (`--cacert`, `NODE_EXTRA_CA_CERTS`, `PIP_CERT`); import a "
                    + "repository's signing key instead of skipping signature checks.",
            List.of("CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6",
                    "CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11",
                    "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16",
                    "CKV2_DOCKER_18"),
            "RUN curl -fsSLk https://example.com/install.sh -o /tmp/install.sh\n",
            "RUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (i.is("ARG") && i.stage() < 0) {
            return; // a global ARG only reaches FROM lines, not the environment of RUN or the container
        }
        if (i.is("ENV") || i.is("ARG")) {
            for (KeyValue kv : i.pairs()) {
                if (kv.value() != null) {
                    VerificationBypass.env(kv.key(), kv.value())
                            .ifPresent(what -> out.report(i, kv.position(), what));
                }
            }
            return;
        }
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        Set<String> found = new LinkedHashSet<>(); // a wrapped command repeats its wrapper's settings
        for (ShellCommand c : ctx.shell(i).commands()) {
            for (Map.Entry<String, String> a : c.assignments().entrySet()) {
                VerificationBypass.env(a.getKey(), a.getValue()).ifPresent(found::add);
            }
            found.addAll(VerificationBypass.command(c));
        }
        found.forEach(what -> out.report(i, what));
    }
}
