package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import dev.drydock.secret.SecretHit;
import dev.drydock.secret.SecretRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A secret in an {@code ENV} value or a label, as the shared secret engine ({@link dev.drydock.secret.SecretScanner})
 * judges it: the same rules, keyword prefilter, entropy and allow-lists as for files, so this check adds no rules of its
 * own. Each {@code KEY=value} is scanned as one line; the finding carries the rule and the engine's redacted match.
 */
final class DI0003 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0003", Severity.CRITICAL, CheckInfo.IMAGE_CONFIG,
            "Secret in an ENV variable or label",
            "Environment variables and labels are part of the image config: anyone who can pull the image reads them "
                    + "with `docker inspect`, and every container started from it (and its child processes, crash "
                    + "reports and `/proc/*/environ`) carries the value (CIS Docker Benchmark 4.10).",
            "Remove the value from the image and revoke it. Pass secrets at run time (orchestrator secrets mounted as "
                    + "files, or `--env-file` kept out of the image); for build-time credentials use "
                    + "`RUN --mount=type=secret`.",
            List.of("CIS-DI-0010"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> entries = new TreeMap<>();
        for (String env : in.config().env()) {
            int eq = env.indexOf('=');
            entries.put("Env[" + (eq < 0 ? env : env.substring(0, eq)) + "]", env);
        }
        in.config().labels().forEach((k, v) -> entries.put("Labels[" + k + "]", k + "=" + v));
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String kind = e.getKey().startsWith("Env[") ? "ENV" : "label";
            String name = e.getKey().substring(e.getKey().indexOf('[') + 1, e.getKey().length() - 1);
            for (SecretHit h : in.secrets().scanText("", e.getValue())) {
                SecretRule rule = in.secrets().rules().rule(h.rule());
                Severity severity = rule == null ? INFO.severity() : Severity.valueOf(rule.severity().name());
                String title = (rule == null ? h.rule() : rule.title()) + " in " + kind + " " + name;
                out.add(INFO.finding(severity, INFO.aliases(), title,
                        "The " + kind + " " + name + " holds a secret (rule " + h.rule() + "): " + h.match()
                                + ". Anyone who can pull the image can read it.",
                        Finding.Location.config(e.getKey())));
            }
        }
        return out;
    }
}
