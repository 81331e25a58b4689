package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two stages with the same name (Hadolint DL3024). */
final class DL3024 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DL3024", Severity.ERROR,
            "FROM aliases (stage names) must be unique",
            "`--from`, `FROM <stage>` and `--target` pick stages by name; with two stages of the same name it is "
                    + "unclear which one is meant, and BuildKit refuses the Dockerfile.",
            "Give every stage its own name: `FROM node:20 AS deps`, `FROM node:20 AS build`.",
            List.of("DS012", "CKV_DOCKER_11"),
            "FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\n",
            "FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Map<String, Stage> seen = new HashMap<>();
        for (Stage s : ctx.dockerfile().stages()) {
            if (s.name() == null) {
                continue;
            }
            Stage first = seen.putIfAbsent(s.name(), s);
            if (first != null) {
                var args = s.from().args();
                var at = args.isEmpty() ? s.from().start() : args.get(args.size() - 1).position();
                out.report(s.from(), at, "stage name `" + s.name() + "` is already used by the stage on line "
                        + first.from().line());
            }
        }
    }
}
