package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the enabled rules on a parsed Dockerfile, then applies suppression (pragmas, ignored ids) and severity
 * overrides, centrally, and sorts the result by position then id.
 */
public final class Linter {

    /** Stable order: line, column, rule id. */
    public static final Comparator<Violation> ORDER = Comparator.comparingInt((Violation v) -> v.position().line())
            .thenComparingInt(v -> v.position().column()).thenComparing(Violation::id).thenComparing(Violation::message);

    private final List<Rule> rules;
    private final LintConfig config;
    private final ShellCheck shellCheck;

    public Linter(List<Rule> rules, LintConfig config, ShellCheck shellCheck) {
        this.rules = List.copyOf(rules);
        this.config = config;
        this.shellCheck = shellCheck;
    }

    public Linter(List<Rule> rules, LintConfig config) {
        this(rules, config, null);
    }

    /** The same linter, also running ShellCheck on RUN scripts. */
    public Linter withShellCheck(ShellCheck sc) {
        return new Linter(rules, config, sc);
    }

    public Linter(LintConfig config) {
        this(Rules.all(), config);
    }

    /**
     * Lints one file.
     *
     * @param buildContext the build context directory, or {@code null} when there is none (stdin)
     */
    public List<Violation> lint(Dockerfile df, Path buildContext) {
        LintContext ctx = new LintContext(df, config.settings(), buildContext);
        Pragmas pragmas = Pragmas.of(df);
        List<Violation> out = new ArrayList<>();
        for (Rule rule : rules) {
            if (!config.enabled(rule.info().id())) {
                continue;
            }
            Violations found = new Violations(rule.info(), df.name());
            try {
                rule.check(ctx, found);
            } catch (RuntimeException e) {
                // A rule bug must not lose the other rules' findings; report it as what it is.
                throw new IllegalStateException("rule " + rule.info().id() + " failed on " + df.name() + ": " + e, e);
            }
            for (Violation v : found.list()) {
                if (!pragmas.suppresses(v)) {
                    out.add(v.withSeverity(config.severityOf(v.rule())));
                }
            }
        }
        if (shellCheck != null) {
            for (Violation v : shellCheck.check(df)) {
                if (config.enabled(v.id()) && !pragmas.suppresses(v)) {
                    out.add(v.withSeverity(config.severities().getOrDefault(v.id(), v.severity())));
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Whether these violations fail the run under the configured threshold. */
    public boolean fails(List<Violation> violations) {
        Severity t = config.failureThreshold();
        return t != null && violations.stream().anyMatch(v -> v.severity().atLeast(t));
    }
}
