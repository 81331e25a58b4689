package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Position;
import java.util.List;

/**
 * One finding of a rule in one Dockerfile. A finding never prints a credential: its message is passed through
 * {@link SourceRedaction#maskCredentials(String)} here, the one place every rule's message goes through, so a rule
 * that quotes a URL or a command ({@code git clone https://bob:****@github.com/…}) cannot leak what it quotes
 * into any report format.
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
        message = SourceRedaction.maskCredentials(message);
    }

    public String id() {
        return rule.id();
    }

    public Violation withSeverity(Severity s) {
        return new Violation(rule, s, message, file, position, line, fixes);
    }
}
