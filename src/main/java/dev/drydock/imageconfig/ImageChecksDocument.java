package dev.drydock.imageconfig;

import java.util.List;

/** Renders {@code docs/image-checks.md} from the check classes; a test keeps the committed file in step with it. */
public final class ImageChecksDocument {

    private ImageChecksDocument() {
    }

    public static String markdown(List<ImageCheck> checks) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Image checks\n\n");
        sb.append("<!-- Generated from the check classes (dev.drydock.imageconfig.ImageChecks); do not edit by hand. ")
                .append("Regenerate with `./mvnw -o -q test -Dtest=ImageChecksDocumentTest -Ddrydock.updateDocs=true`. -->\n\n");
        sb.append("drydock has ").append(checks.size()).append(" hardening checks on an image's config and final filesystem.")
                .append(" They report findings of kind `MISCONFIGURATION` under the target `image config` or `filesystem`.")
                .append(" Aliases name the same check in [Dockle](https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md):")
                .append(" Dockle's `CIS-DI-000n` is recommendation 4.n of the CIS Docker Benchmark, `DKL-…` are Dockle's own.")
                .append(" `CIS-DI-0003` (4.3, do not install unnecessary packages) follows the same numbering; Dockle itself")
                .append(" has no check for it.\n\n");
        sb.append("The unneeded-tool checks (shell, package manager, curl/wget, compilers, debuggers) name the package that")
                .append(" brings each program and its installed size, found statically from the package database —")
                .append(" what docker-slim learns by running the container.\n\n");
        sb.append("| id | severity | target | aliases | title |\n| --- | --- | --- | --- | --- |\n");
        for (ImageCheck c : checks) {
            CheckInfo i = c.info();
            sb.append("| [").append(i.id()).append("](#").append(i.anchor()).append(") | ").append(i.severity().lower())
                    .append(" | ").append(i.target()).append(" | ").append(String.join(", ", i.aliases()))
                    .append(" | ").append(cell(i.title())).append(" |\n");
        }
        for (ImageCheck c : checks) {
            CheckInfo i = c.info();
            sb.append("\n## ").append(i.id()).append("\n\n");
            sb.append("**").append(i.title()).append("**\n\n");
            sb.append("Severity: ").append(i.severity().lower()).append(" · target: ").append(i.target());
            if (!i.aliases().isEmpty()) {
                sb.append(" · aliases: ").append(String.join(", ", i.aliases()));
            }
            sb.append("\n\n").append(i.rationale()).append("\n\n");
            sb.append("**Fix:** ").append(i.fix()).append("\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
