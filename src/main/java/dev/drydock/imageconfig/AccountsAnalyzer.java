package dev.drydock.imageconfig;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.MergedView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the account databases the image checks need ({@code /etc/passwd}, {@code /etc/shadow}, {@code /etc/group})
 * while the layers stream past, and keeps only what the checks use: names, ids, homes, shells, and what kind of
 * password each entry has. The hashes are dropped here, before the layer cache stores the result as JSON.
 */
public final class AccountsAnalyzer implements Analyzer<AccountFile> {

    /** Account databases are a few KiB; a megabyte is generous and bounds the read. */
    static final int MAX_SIZE = 1 << 20;

    @Override
    public String type() {
        return "accounts";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<AccountFile> resultType() {
        return AccountFile.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        return kind(path) != null;
    }

    @Override
    public long maxFileSize() {
        return MAX_SIZE;
    }

    @Override
    public AccountFile analyze(AnalysisInput input) throws IOException {
        AccountFile.Kind kind = kind(input.path());
        if (kind == null) {
            return null;
        }
        return parse(kind, new String(input.content().readNBytes(MAX_SIZE), StandardCharsets.UTF_8));
    }

    private static AccountFile.Kind kind(String path) {
        for (AccountFile.Kind k : AccountFile.Kind.values()) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        return null;
    }

    /** Parses one database; a malformed line becomes a diagnostic naming its number, never its content. */
    static AccountFile parse(AccountFile.Kind kind, String text) {
        List<Account> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue; // comments and NIS compat entries
            }
            String[] f = line.split(":", -1);
            int need = switch (kind) {
                case PASSWD -> 7;
                case SHADOW -> 2;
                case GROUP -> 3;
            };
            if (f.length < need || f[0].isEmpty()) {
                diagnostics.add("/" + kind.path() + " line " + (i + 1) + ": expected " + need + " ':'-separated fields");
                continue;
            }
            Account.Password pw = Account.classify(f[1]);
            String scheme = pw == Account.Password.HASH || pw == Account.Password.LOCKED_HASH ? Account.scheme(f[1]) : null;
            out.add(switch (kind) {
                case PASSWD -> new Account(f[0], i + 1, f[2], f[3], f[5], f[6], pw, scheme);
                case SHADOW -> new Account(f[0], i + 1, null, null, null, null, pw, scheme);
                case GROUP -> new Account(f[0], i + 1, f[2], null, null, null, pw, scheme);
            });
        }
        return new AccountFile(kind, out, diagnostics);
    }

    /**
     * The final copy of one database: the file as the merged view holds it (following symlinks), parsed from the layer
     * that last wrote it. Empty when the image has no such file.
     */
    public Optional<AccountFile> finalCopy(AccountFile.Kind kind, MergedView view, List<LayerResult> layers) {
        if (view.resolve(kind.path()) instanceof MergedView.Found f && f.owned().layer() < layers.size()) {
            for (LayerResult.Found<AccountFile> r : layers.get(f.owned().layer()).results(this)) {
                if (r.path().equals(f.path())) {
                    return Optional.of(r.value());
                }
            }
        }
        return Optional.empty();
    }
}
