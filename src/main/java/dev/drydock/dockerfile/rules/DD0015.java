package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.List;

/** {@code pip install -r requirements.txt} without {@code --require-hashes}. */
final class DD0015 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0015", Severity.INFO,
            "Verify hashes of pip requirements with --require-hashes",
            "Pinned versions in requirements.txt name a release, but pip does not check that the file it "
                    + "downloads is the one you tested: a compromised index, mirror or proxy can serve a different "
                    + "artifact under the same version. With `--require-hashes` every requirement must carry a "
                    + "`--hash=sha256:…` and pip refuses anything else, including unpinned transitive "
                    + "dependencies. This rule looks at `-r` files only; single pinned packages are DL3013's.",
            "Generate hashes (`pip-compile --generate-hashes`, `uv pip compile --generate-hashes`, `poetry export`) "
                    + "and run `pip install --require-hashes -r requirements.txt`, or set "
                    + "`PIP_REQUIRE_HASHES=1`.",
            List.of(),
            "COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
            "COPY requirements.txt .\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)
                || VerificationBypass.truthy(i.variables().get("PIP_REQUIRE_HASHES"))) {
            return;
        }
        for (ShellCommand c : ctx.shell(i).commands()) {
            if (!PipCommand.installs(c) || c.hasFlag("--require-hashes", "--no-index")
                    || VerificationBypass.truthy(c.assignments().get("PIP_REQUIRE_HASHES"))) {
                continue;
            }
            List<String> files = VerificationBypass.optionValues(c, "-r", "--requirement");
            if (!files.isEmpty()) {
                out.report(i, ScriptSource.position(ctx.dockerfile(), i, c.words().get(0)),
                        "pip installs " + String.join(", ", files) + " without --require-hashes: the downloaded "
                                + "files are not checked against known hashes");
            }
        }
    }
}
