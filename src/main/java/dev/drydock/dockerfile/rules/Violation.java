package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Position;
import java.util.List;

/**
 * One finding of a rule in one Dockerfile.
 *
 * @param rule     the rule's info (id, default severity, docs)
 * @param severity effective severity (after configuration overrides)
 * @param message  what is wrong here, specific to this place
 * @param file     the Dockerfile's name as given
 * @param position where (line and column)
 * @param line     the line of the instruction the finding belongs to (pragmas above it apply)
 * @param fixes    edits that fix it safely; empty when not auto-fixable
 */
public record Violation(RuleInfo rule, Severity severity, String message, String file, Position position, int line,
                        List<Edit> fixes) {

    public Violation {
        fixes = List.copyOf(fixes);
    }

    public String id() {
        return rule.id();
    }

    public Violation withSeverity(Severity s) {
        return new Violation(rule, s, message, file, position, line, fixes);
    }
}
