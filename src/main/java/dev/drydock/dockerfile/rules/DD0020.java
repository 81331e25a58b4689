package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import dev.drydock.dockerfile.Stage;
import java.util.List;
import java.util.Locale;

/** {@code ENV DEBIAN_FRONTEND=noninteractive}, which stays set in the running container. */
final class DD0020 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DD0020", Severity.INFO,
            "Set DEBIAN_FRONTEND with ARG or inline, not ENV",
            "`DEBIAN_FRONTEND=noninteractive` is only needed while apt-get runs during the build. Set with ENV it "
                    + "is baked into the image config: every container, and every image built FROM this one, "
                    + "inherits it, so an interactive `apt-get` or `dpkg-reconfigure` in a `docker exec` shell "
                    + "silently takes defaults instead of asking (the Docker FAQ and Debian docs advise against it).",
            "Use `ARG DEBIAN_FRONTEND=noninteractive` (build-time only, same effect on RUN) or prefix the command: "
                    + "`RUN DEBIAN_FRONTEND=noninteractive apt-get install -y …`.",
            List.of(),
            "FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y "
                    + "--no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*\n",
            "FROM ubuntu:24.04\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y --no-install-recommends "
                    + "tzdata && rm -rf /var/lib/apt/lists/*\n",
            true);

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
            if (kv.key().equals("DEBIAN_FRONTEND") && kv.value() != null
                    && kv.value().trim().toLowerCase(Locale.ROOT).equals("noninteractive")) {
                out.report(i, kv.position(), "ENV DEBIAN_FRONTEND=" + kv.value() + " stays set in every container "
                        + "and child image; use ARG DEBIAN_FRONTEND=noninteractive", fix(i, ctx));
            }
        }
    }

    /**
     * {@code ENV DEBIAN_FRONTEND=noninteractive} → {@code ARG DEBIAN_FRONTEND=noninteractive}, when it is the only
     * pair, written at top level (not an ONBUILD trigger), and no later stage builds on this one (an ARG would not
     * reach it).
     */
    private static Edit[] fix(Instruction i, LintContext ctx) {
        boolean onlyPair = i.pairs().size() == 1;
        boolean topLevel = i.source().regionMatches(true, 0, "ENV", 0, 3)
                && ctx.dockerfile().instructions().stream().anyMatch(x -> x == i);
        boolean inherited = ctx.dockerfile().stages().stream().map(Stage::parentStage)
                .anyMatch(p -> p == i.stage());
        if (!onlyPair || !topLevel || inherited) {
            return new Edit[0];
        }
        int start = i.start().offset();
        return new Edit[] {new Edit(start, i.end().offset(), "ARG DEBIAN_FRONTEND=noninteractive")};
    }
}
