package dev.drydock.dockerfile.rules;

import java.util.Comparator;
import java.util.List;

/** Applies a rule's fixes to a snippet, for group C's fix tests. */
final class RulesGroupCFixes {

    private RulesGroupCFixes() {
    }

    /** The snippet's source (without the pinned FROM RuleTester may prepend) after applying every fix. */
    static String fixed(Rule rule, String snippet) {
        String source = RuleTester.parse(snippet).source();
        List<Edit> edits = RuleTester.lint(rule, snippet).stream().flatMap(v -> v.fixes().stream())
                .sorted(Comparator.comparingInt(Edit::start).reversed()).toList();
        StringBuilder sb = new StringBuilder(source);
        for (Edit e : edits) {
            sb.replace(e.start(), e.end(), e.replacement());
        }
        String out = sb.toString();
        return out.startsWith(RuleTester.PINNED_FROM) ? out.substring(RuleTester.PINNED_FROM.length()) : out;
    }
}
