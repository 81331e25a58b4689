package dev.drydock.dockerfile.rules;

/**
 * One Dockerfile check. Rules are pure: they read the parsed file through {@link LintContext} and report
 * violations; they know nothing of suppression, configuration of severities, or output.
 */
public interface Rule {

    RuleInfo info();

    void check(LintContext ctx, Violations out);
}
