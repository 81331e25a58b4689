package dev.drydock.dockerfile.rules;

import java.util.List;

/** Renders {@code docs/rules.md} from the rule classes; a test keeps the committed file in step with it. */
public final class RulesDocument {

    private RulesDocument() {
    }

    public static String markdown(List<Rule> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Dockerfile rules\n\n");
        sb.append("<!-- Generated from the rule classes by `drydock rules --markdown > docs/rules.md`; do not edit by hand. -->\n\n");
        sb.append("drydock has ").append(rules.size()).append(" Dockerfile rules. Rules with a `DL` id have the meaning of the")
                .append(" [Hadolint](https://github.com/hadolint/hadolint) rule of the same id, so `# hadolint ignore=` pragmas and")
                .append(" `.hadolint.yaml` files keep working; `DD` rules are drydock's own. Aliases name the same check in Trivy")
                .append(" (`DS…`) and Checkov (`CKV_DOCKER_…`).\n\n");
        sb.append("Examples below are checked by a test: each failing example is reported, each passing one is not")
                .append(" (label rules run with a schema that has one label of each type and strict labels; DL3026 with")
                .append(" trusted registries `docker.io` and `gcr.io`; DD0008 with allowed base images `debian:*` and")
                .append(" `gcr.io/distroless/**`).\n\n");
        sb.append("| id | severity | fixable | title |\n| --- | --- | --- | --- |\n");
        for (Rule r : rules) {
            RuleInfo i = r.info();
            sb.append("| [").append(i.id()).append("](#").append(i.anchor()).append(") | ").append(i.severity().label())
                    .append(" | ").append(i.fixable() ? "yes" : "").append(" | ").append(cell(i.title())).append(" |\n");
        }
        for (Rule r : rules) {
            RuleInfo i = r.info();
            sb.append("\n## ").append(i.id()).append("\n\n");
            sb.append("**").append(i.title()).append("**\n\n");
            sb.append("Severity: ").append(i.severity().label());
            sb.append(i.fixable() ? " · fixable with `--fix`" : "");
            if (!i.aliases().isEmpty()) {
                sb.append(" · aliases: ").append(String.join(", ", i.aliases()));
            }
            sb.append("\n\n").append(i.rationale()).append("\n\n");
            sb.append("**Fix:** ").append(i.fix()).append("\n\n");
            sb.append("Reported:\n\n```dockerfile\n").append(i.failing().strip()).append("\n```\n\n");
            sb.append("Not reported:\n\n```dockerfile\n").append(i.passing().strip()).append("\n```\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
