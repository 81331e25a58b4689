package dev.drydock.secret;

import dev.drydock.image.Image;
import dev.drydock.image.ImageConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in the image config, which anyone who pulls the image reads in plain text: {@code Env}, {@code Labels},
 * {@code Entrypoint}/{@code Cmd}, and every {@code history[].created_by}. A RUN that used build arguments is recorded
 * by BuildKit and buildah as {@code |2 NPM_TOKEN=… OTHER=… /bin/sh -c …}: those assignments are split onto lines of
 * their own so each is judged as the {@code KEY=value} it is.
 */
final class ConfigSecrets {

    private static final Pattern BUILD_ARGS = Pattern.compile("^\\|(\\d+)\\s+");

    private ConfigSecrets() {
    }

    static List<SecretFinding> scan(Image image, SecretScanner scanner) {
        List<SecretFinding> out = new ArrayList<>();
        ImageConfig.ContainerConfig c = image.config().config();
        for (String env : c.env()) {
            int eq = env.indexOf('=');
            String name = eq < 0 ? env : env.substring(0, eq);
            add(out, scanner, env, SecretFinding.Where.ENV, "Env[" + name + "]", null, -1);
        }
        for (Map.Entry<String, String> l : c.labels().entrySet()) {
            add(out, scanner, l.getKey() + "=" + l.getValue(), SecretFinding.Where.LABEL, "Labels[" + l.getKey() + "]", null, -1);
        }
        add(out, scanner, String.join(" ", c.entrypoint()), SecretFinding.Where.ENTRYPOINT, "Entrypoint", null, -1);
        add(out, scanner, String.join(" ", c.cmd()), SecretFinding.Where.CMD, "Cmd", null, -1);
        List<ImageConfig.History> history = image.config().history();
        Set<String> seenArgs = new HashSet<>();
        int layer = 0;
        for (int i = 0; i < history.size(); i++) {
            ImageConfig.History h = history.get(i);
            int index = h.emptyLayer() || layer >= image.layers().size() ? -1 : layer;
            if (!h.emptyLayer()) {
                layer++;
            }
            if (h.createdBy() != null) {
                add(out, scanner, splitBuildArgs(h.createdBy(), seenArgs), SecretFinding.Where.HISTORY, "history[" + i + "]",
                        index < 0 ? null : image.layers().get(index).diffId().toString(), index);
            }
        }
        return out;
    }

    /**
     * {@code |2 A=1 B=2 /bin/sh -c cmd} becomes {@code A=1\nB=2\n/bin/sh -c cmd}. Builders repeat every build argument
     * in each later RUN's entry; an assignment already in {@code seen} (an earlier entry) is left out, so one leaked
     * argument is one finding, at the first step that recorded it. The values live only in this scan's memory.
     */
    static String splitBuildArgs(String createdBy, Set<String> seen) {
        Matcher m = BUILD_ARGS.matcher(createdBy);
        if (!m.find()) {
            return createdBy;
        }
        int n = Integer.parseInt(m.group(1).length() > 4 ? "0" : m.group(1));
        String rest = createdBy.substring(m.end());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int sp = rest.indexOf(' ');
            if (sp < 0 || rest.indexOf('=') < 0 || rest.indexOf('=') > sp) {
                break;
            }
            if (seen.add(rest.substring(0, sp))) {
                sb.append(rest, 0, sp).append('\n');
            }
            rest = rest.substring(sp + 1);
        }
        return sb.append(rest).toString();
    }

    private static void add(List<SecretFinding> out, SecretScanner scanner, String text, SecretFinding.Where where,
                            String path, String layer, int layerIndex) {
        if (text.isEmpty()) {
            return;
        }
        for (SecretHit h : scanner.scanText("", text)) {
            out.add(SecretFinding.of(scanner.rules().rule(h.rule()), h, where, path, layer, layerIndex));
        }
    }
}
