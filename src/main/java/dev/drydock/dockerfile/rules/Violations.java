package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Position;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations one rule reports. */
public final class Violations {

    private final RuleInfo rule;
    private final String file;
    private final List<Violation> found = new ArrayList<>();

    public Violations(RuleInfo rule, String file) {
        this.rule = rule;
        this.file = file;
    }

    /** Reports at the instruction's keyword. */
    public void report(Instruction at, String message, Edit... fixes) {
        report(at, at.start(), message, fixes);
    }

    /** Reports at a specific place inside the instruction (a flag, an argument). */
    public void report(Instruction at, Position where, String message, Edit... fixes) {
        found.add(new Violation(rule, rule.severity(), message, file, where, at.line(), List.of(fixes)));
    }

    /** Reports at a place not tied to one instruction (e.g. the file as a whole). */
    public void report(Position where, String message) {
        found.add(new Violation(rule, rule.severity(), message, file, where, where.line(), List.of()));
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }
}
