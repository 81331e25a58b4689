package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Stage;
import dev.drydock.dockerfile.Word;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tar archive COPYed into the image and then extracted by a RUN of the same stage (Hadolint DL3010): ADD would
 * extract it without keeping the archive in a layer.
 */
final class DL3010 implements Rule {

    private static final Set<String> DECOMPRESSORS = Set.of("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz",
            "uncompress", "zcat", "gzcat");

    static final RuleInfo INFO = new RuleInfo("DL3010", Severity.INFO,
            "Use ADD for extracting archives into an image",
            "A COPY of a tarball followed by `tar -x` in a RUN stores the archive in one layer and its content in "
                    + "another, so the image carries the data twice even if the archive is deleted afterwards. "
                    + "`ADD` extracts local tar archives (gzip, bzip2, xz) directly into the destination in one "
                    + "layer.",
            "Replace the COPY and the extraction with `ADD app.tar.gz /opt/app/`.",
            List.of(),
            "COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n",
            "ADD app.tar.gz /opt/\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        for (Stage s : ctx.dockerfile().stages()) {
            Map<String, Instruction> copied = new LinkedHashMap<>();
            Set<Instruction> reported = new LinkedHashSet<>();
            for (Instruction i : s.instructions()) {
                if (i.is("COPY") && !i.hasFlag("from") && i.args().size() >= 2) {
                    rememberArchives(i, copied);
                } else if (i.is("RUN") && ctx.posixShell(i) && !copied.isEmpty()) {
                    for (ShellCommand c : ctx.shell(i).commands()) {
                        if (!extracts(c)) {
                            continue;
                        }
                        for (String name : fileArguments(c)) {
                            Instruction copy = copied.get(TarArchives.basename(name));
                            if (copy != null && reported.add(copy)) {
                                out.report(copy, "`" + TarArchives.basename(name) + "` is copied here and extracted "
                                        + "by `" + c.name() + "` on line " + i.line() + "; use ADD to extract it");
                            }
                        }
                    }
                }
            }
        }
    }

    private static void rememberArchives(Instruction copy, Map<String, Instruction> copied) {
        List<Word> args = copy.args();
        String target = args.get(args.size() - 1).text();
        if (TarArchives.isArchive(target)) {
            copied.put(TarArchives.basename(target), copy);
            return;
        }
        for (Word src : args.subList(0, args.size() - 1)) {
            if (TarArchives.isArchive(src.text())) {
                copied.put(TarArchives.basename(src.text()), copy);
            }
        }
    }

    /** {@code tar -x…}, {@code tar x…} (old-style bundled options), {@code tar --extract}, or a decompressor. */
    private static boolean extracts(ShellCommand c) {
        if (DECOMPRESSORS.contains(c.name())) {
            return true;
        }
        if (!c.is("tar") || c.args().isEmpty()) {
            return false;
        }
        String first = c.args().get(0);
        if (first.matches("[A-Za-z]+") && first.contains("x")) {
            return true;
        }
        return c.args().stream().anyMatch(a -> a.equals("--extract") || a.equals("--get")
                || a.matches("-[A-Za-z]*x[A-Za-z]*"));
    }

    private static List<String> fileArguments(ShellCommand c) {
        return c.args().stream().map(a -> a.startsWith("--file=") ? a.substring(7) : a)
                .filter(a -> !a.startsWith("-")).toList();
    }
}
