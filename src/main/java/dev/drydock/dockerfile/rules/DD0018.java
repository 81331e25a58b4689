package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EXPOSE of a remote-login port: SSH, telnet, RDP, VNC. */
final class DD0018 extends InstructionRule {

    private static final Map<Integer, String> LOGIN_PORTS = Map.of(22, "SSH", 23, "telnet", 3389, "RDP", 5900, "VNC");
    private static final Pattern PORT = Pattern.compile("(?:[\\d.]+:)?(\\d{1,5})(?:-(\\d{1,5}))?(?:/\\w+)?");

    static final RuleInfo INFO = new RuleInfo("DD0018", Severity.WARNING,
            "Do not expose remote-login ports (SSH, telnet, RDP, VNC)",
            "A container running an SSH, telnet, RDP or VNC server is a second way in with its own passwords or "
                    + "keys to manage, its own vulnerabilities, and usually root behind it. Containers are "
                    + "reached with `docker exec` / `kubectl exec`, which use the orchestrator's authentication and "
                    + "audit log instead.",
            "Remove the EXPOSE and the login daemon; use `docker exec -it <container> sh` or `kubectl exec` to get "
                    + "a shell, and `docker cp` / `kubectl cp` to move files.",
            List.of("DS004", "CKV_DOCKER_1"),
            "EXPOSE 22 8080\n",
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
            Matcher m = PORT.matcher(i.expand(w.text()).trim());
            if (!m.matches()) {
                continue;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) != null ? Integer.parseInt(m.group(2)) : from;
            LOGIN_PORTS.entrySet().stream()
                    .filter(e -> e.getKey() >= from && e.getKey() <= to)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.report(i, w.position(), "EXPOSE " + w.text() + " opens port " + e.getKey()
                            + " (" + e.getValue() + "); get a shell with docker exec instead"));
        }
    }
}
