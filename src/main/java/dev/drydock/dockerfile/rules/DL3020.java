package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.util.List;
import java.util.Set;

/** ADD for plain local files and folders (Hadolint DL3020). */
final class DL3020 extends InstructionRule {

    /** Flags COPY has too; any other flag ({@code --checksum}, {@code --keep-git-dir}, {@code --unpack}) is ADD-only. */
    private static final Set<String> COPY_FLAGS = Set.of("chown", "chmod", "link", "exclude");

    static final RuleInfo INFO = new RuleInfo("DL3020", Severity.ERROR,
            "Use COPY instead of ADD for files and folders",
            "ADD has hidden behaviour: it extracts local tar archives and fetches URLs. For plain files it does "
                    + "the same as COPY, but a reader cannot tell without knowing every file, and renaming a "
                    + "file to `.tar.gz` silently changes what the build does. COPY only copies.",
            "Use `COPY` for local files and folders; keep `ADD` for extracting a local tar archive or fetching a "
                    + "URL or git repository (with `--checksum` where possible).",
            List.of("DS005", "CKV_DOCKER_4"),
            "ADD requirements.txt /app/\n",
            "COPY requirements.txt /app/\n",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("ADD") || i.args().size() < 2) {
            return;
        }
        List<Word> sources = i.args().subList(0, i.args().size() - 1);
        Word plain = null;
        boolean variable = false;
        for (Word src : sources) {
            String path = src.text().contains("$") ? i.expand(src.text()) : src.text();
            variable |= src.text().contains("$");
            if (path.isEmpty() || isRemote(path) || TarArchives.isArchive(path)) {
                continue;
            }
            plain = plain == null ? src : plain;
        }
        if (plain == null) {
            return;
        }
        boolean copyCompatible = i.flags().stream().map(Flag::name).allMatch(COPY_FLAGS::contains);
        String msg = "ADD of `" + plain.text() + "`, a local file or folder; use COPY";
        int at = i.start().offset();
        String src = ctx.dockerfile().source();
        String kw = src.substring(at, Math.min(at + 3, src.length()));
        // the keyword is checked so that an edit never lands anywhere but on the ADD keyword itself
        if (copyCompatible && !variable && kw.equalsIgnoreCase("ADD")
                && sources.stream().allMatch(s -> !TarArchives.isArchive(s.text()))) {
            out.report(i, msg, new Edit(at, at + 3, kw.equals("add") ? "copy" : "COPY"));
        } else {
            out.report(i, msg);
        }
    }

    /** URLs and git repositories, which ADD fetches. */
    private static boolean isRemote(String src) {
        return src.matches("(?i)(https?|git|ssh)://.*") || src.matches("[\\w.-]+@[\\w.-]+:.*");
    }
}
