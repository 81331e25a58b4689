package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;

/** EXPOSE ports outside 0–65535 (Hadolint DL3011). */
final class DL3011 extends InstructionRule {

    static final RuleInfo INFO = new RuleInfo("DL3011", Severity.ERROR,
            "Valid UNIX ports range from 0 to 65535",
            "TCP and UDP port numbers are 16-bit: anything above 65535 cannot be listened on, and BuildKit or the "
                    + "runtime rejects it when the image is built or run. A typo such as `80800` hides the port "
                    + "the application really uses.",
            "Expose the real port: `EXPOSE 8080`, `EXPOSE 8000-8010/tcp`, `EXPOSE 53/udp`.",
            List.of("DS008"),
            "EXPOSE 80800\n",
            "EXPOSE 8080\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("EXPOSE")) {
            return;
        }
        for (Word w : i.args()) {
            String port = w.text();
            if (port.contains("$")) {
                continue;
            }
            int slash = port.indexOf('/');
            String number = slash >= 0 ? port.substring(0, slash) : port;
            String problem = problem(number);
            if (problem != null) {
                out.report(i, w.position(), "EXPOSE `" + port + "`: " + problem);
            }
        }
    }

    /** Null when {@code spec} is a port or an ascending range {@code low-high}, else what is wrong. */
    private static String problem(String spec) {
        if (!spec.matches("\\d+(-\\d+)?")) {
            return "not a port number or range";
        }
        String[] parts = spec.split("-");
        for (String p : parts) {
            if (p.length() > 5 || Integer.parseInt(p) > 65535) {
                return "port " + p + " is outside 0-65535";
            }
        }
        if (parts.length == 2 && Integer.parseInt(parts[0]) > Integer.parseInt(parts[1])) {
            return "range starts above its end";
        }
        return null;
    }
}
