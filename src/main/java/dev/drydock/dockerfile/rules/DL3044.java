package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ENV that refers to a variable it defines itself (Hadolint DL3044). All values of one ENV are expanded with
 * the variables as they were before it, so {@code ENV A=1 B=$A} sets B to the old A, usually empty. Referring to
 * a variable on its own right-hand side ({@code PATH=/x:$PATH}) and to one defined earlier by ARG or ENV is fine.
 */
final class DL3044 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3044", Severity.ERROR,
            "Do not refer to an environment variable within the same ENV statement where it is defined",
            "Docker expands every value of one ENV instruction with the variables as they were before that "
                    + "instruction. In `ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin` the second value sees no "
                    + "`APP_HOME` yet, so `APP_BIN` becomes `/bin`: the image silently gets a wrong path.",
            "Split the ENV: define the variable in one ENV instruction and refer to it in a later one.",
            List.of(),
            "ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n",
            "ENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("ENV")) {
            return;
        }
        List<KeyValue> pairs = i.pairs();
        for (int d = 0; d < pairs.size(); d++) {
            String name = pairs.get(d).key();
            if (i.variables().containsKey(name)) {
                continue; // defined before this ENV: the reference means the earlier value
            }
            for (int u = 0; u < pairs.size(); u++) {
                if (u != d && refersTo(pairs.get(u).value(), name)) {
                    out.report(i, pairs.get(u).position(), "Do not refer to an environment variable within the same "
                            + "`ENV` statement where it is defined: `" + pairs.get(u).key() + "` uses `$" + name
                            + "`, which this ENV defines; it expands to the value before this ENV.");
                    break;
                }
            }
        }
    }

    /** {@code $NAME} not followed by a name character, or {@code ${NAME}} / {@code ${NAME:-…}} and friends. */
    static boolean refersTo(String value, String name) {
        if (value == null || value.indexOf('$') < 0) {
            return false;
        }
        String n = Pattern.quote(name);
        return Pattern.compile("\\$(" + n + "(?![A-Za-z0-9_])|\\{" + n + "[}:+?#%/=-])").matcher(value).find();
    }
}
