package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;

/** COPY of several sources to a destination not ending in {@code /} (Hadolint DL3021). */
final class DL3021 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3021", Severity.ERROR,
            "COPY with more than 2 arguments requires the last argument to end with /",
            "When COPY has several sources the destination must be a directory, and the builder only accepts it "
                    + "as one when it ends with `/`; otherwise the build fails with \"When using COPY with more "
                    + "than one source file, the destination must be a directory and end with a /\".",
            "End the destination with a slash: `COPY package.json package-lock.json /app/`.",
            List.of("DS011"),
            "COPY package.json package-lock.json /app\n",
            "COPY package.json package-lock.json /app/\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("COPY") || i.args().size() <= 2) {
            return;
        }
        Word last = i.args().get(i.args().size() - 1);
        String dest = last.text().contains("$") ? i.expand(last.text()) : last.text();
        if (dest.isEmpty() || dest.endsWith("/") || dest.endsWith("\\")) {
            return;
        }
        out.report(i, last.position(), "COPY of " + (i.args().size() - 1) + " sources to `" + last.text()
                + "`; the destination must end with `/`");
    }
}
