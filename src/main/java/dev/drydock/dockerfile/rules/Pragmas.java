package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Comment;
import dev.drydock.dockerfile.Directive;
import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.Instruction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression, applied centrally after the rules ran (rules know nothing of it):
 * <ul>
 *   <li>{@code # drydock ignore=DL3008,DD0001} and Hadolint's {@code # hadolint ignore=DL3008} on the comment lines
 *       directly above an instruction (blank lines and other comments may stand between, as in Hadolint);</li>
 *   <li>{@code # drydock global ignore=…} and {@code # hadolint global ignore=…} anywhere: the whole file;</li>
 *   <li>BuildKit's {@code # check=skip=JSONArgsRecommended,…} directive, for the BuildKit checks whose meaning
 *       matches a drydock rule.</li>
 * </ul>
 */
public final class Pragmas {

    private static final Pattern PRAGMA = Pattern.compile(
            "^(?:drydock|hadolint)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s]+)$", Pattern.CASE_INSENSITIVE);

    /** BuildKit check names (docs.docker.com/reference/build-checks/) with the drydock rule of the same meaning. */
    static final Map<String, List<String>> BUILDKIT_CHECKS = Map.ofEntries(
            Map.entry("jsonargsrecommended", List.of("DL3025")),
            Map.entry("maintainerdeprecated", List.of("DL4000")),
            Map.entry("workdirrelativepath", List.of("DL3000")),
            Map.entry("multipleinstructionsdisallowed", List.of("DL4003", "DL4004")),
            Map.entry("duplicatestagename", List.of("DL3024")),
            Map.entry("secretsusedinargorenv", List.of("DD0001", "DD0002", "DD0005")),
            Map.entry("fromplatformflagconstdisallowed", List.of("DL3029")));

    private final Set<String> global = new HashSet<>();
    private final Map<Integer, Set<String>> byInstructionLine = new HashMap<>();

    private Pragmas() {
    }

    public static Pragmas of(Dockerfile df) {
        Pragmas p = new Pragmas();
        df.directive("check").ifPresent(d -> p.addCheckDirective(d));
        // Map each comment line to the pragma ids it carries.
        Map<Integer, Set<String>> local = new HashMap<>();
        for (Comment c : df.comments()) {
            Matcher m = PRAGMA.matcher(c.text().trim());
            if (!m.matches()) {
                continue;
            }
            Set<String> ids = ids(m.group(2));
            if (m.group(1) != null) {
                p.global.addAll(ids);
            } else {
                local.computeIfAbsent(c.position().line(), k -> new HashSet<>()).addAll(ids);
            }
        }
        if (local.isEmpty()) {
            return p;
        }
        // An instruction takes the pragmas of the comment block directly above it.
        Set<Integer> commentLines = new HashSet<>();
        for (Comment c : df.comments()) {
            commentLines.add(c.position().line());
        }
        List<String> lines = df.lines();
        for (Instruction i : df.instructions()) {
            Set<String> ids = new HashSet<>();
            for (int line = i.line() - 1; line >= 1; line--) {
                if (commentLines.contains(line)) {
                    ids.addAll(local.getOrDefault(line, Set.of()));
                } else if (line <= lines.size() && lines.get(line - 1).isBlank()) {
                    continue;
                } else {
                    break;
                }
            }
            if (!ids.isEmpty()) {
                p.byInstructionLine.put(i.line(), ids);
            }
        }
        return p;
    }

    private void addCheckDirective(Directive d) {
        // # check=skip=A,B;error=true
        for (String part : d.value().split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("skip")) {
                for (String name : kv[1].split(",")) {
                    String n = name.trim().toLowerCase(Locale.ROOT);
                    if (n.equals("all")) {
                        BUILDKIT_CHECKS.values().forEach(global::addAll);
                    } else {
                        global.addAll(BUILDKIT_CHECKS.getOrDefault(n, List.of()));
                    }
                }
            }
        }
    }

    private static Set<String> ids(String list) {
        Set<String> out = new HashSet<>();
        for (String s : list.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.trim().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Whether a violation is suppressed by a pragma. */
    public boolean suppresses(Violation v) {
        if (global.contains(v.id())) {
            return true;
        }
        Set<String> ids = byInstructionLine.get(v.line());
        return ids != null && ids.contains(v.id());
    }
}
