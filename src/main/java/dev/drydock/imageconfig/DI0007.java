package dev.drydock.imageconfig;

import dev.drydock.image.ImageConfig;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ADD} steps in the image history. The first step of an image that adds a root filesystem to {@code /}
 * ({@code ADD file:… in /}, how every distribution base image is made) is not reported, as Dockle skips it.
 */
final class DI0007 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0007", Severity.LOW, CheckInfo.IMAGE_CONFIG,
            "ADD used instead of COPY",
            "ADD does more than copy: it fetches URLs (without a checksum unless `--checksum` is given) and silently "
                    + "unpacks local archives, so what lands in the image depends on a remote server or on an archive's "
                    + "contents, including paths you did not expect (CIS Docker Benchmark 4.9).",
            "Use `COPY` for files and directories. To fetch something, download it in a RUN with a checksum check "
                    + "(`curl -fsSLo x.tgz URL && echo \"SHA256  x.tgz\" | sha256sum -c -`) or use "
                    + "`ADD --checksum=sha256:…`; to unpack an archive, say so explicitly with `RUN tar -xf`.",
            List.of("CIS-DI-0009"));

    /**
     * {@code ADD} as docker and buildah record it ({@code /bin/sh -c #(nop) ADD file:… in /dst}) and as BuildKit does
     * ({@code ADD src /dst # buildkit}); group 1 is the rest of the step.
     */
    private static final Pattern ADD = Pattern.compile("^(?:/bin/sh -c #\\(nop\\)\\s*)?ADD\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern ROOTFS = Pattern.compile("^(?:--\\S+\\s+)*(?:file:[0-9a-f]+|\\S+\\.tar(?:\\.\\w+)?)\\s+(?:in\\s+)?/\\s*(?:#.*)?$");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        List<ImageConfig.History> history = in.history();
        for (int i = 0; i < history.size(); i++) {
            String c = history.get(i).createdBy();
            Matcher m = c == null ? null : ADD.matcher(c.strip());
            if (m == null || !m.matches()) {
                continue;
            }
            String args = m.group(1).strip();
            if (i == 0 && ROOTFS.matcher(args).matches()) {
                continue; // the base image's root filesystem
            }
            boolean url = args.matches("(?s).*\\bhttps?://.*");
            Integer layer = in.layerOf(i);
            out.add(INFO.finding((url ? "ADD fetches a URL: " : "ADD in history: ") + shorten(args),
                    "history[" + i + "] is an ADD step" + (url ? " that downloads from a URL" : "")
                            + (layer == null ? "" : " (layer " + layer + ")") + ": " + shorten(args),
                    new Finding.Location(null, null, null, layer,
                            layer == null ? null : in.image().layers().get(layer).diffId().toString(), null,
                            "history[" + i + "]")));
        }
        return out;
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
