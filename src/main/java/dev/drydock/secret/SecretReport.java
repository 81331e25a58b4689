package dev.drydock.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.image.Platform;
import dev.drydock.image.SourceOptions;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.image.Image;
import dev.drydock.layer.MergedView;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drydock secrets}: every secret in every layer's files (marked when a later layer deleted or overwrote the
 * file: gone from the final filesystem, still extractable) and in the image config, sorted by severity, then place.
 */
public record SecretReport(String image, List<SecretFinding> findings, List<String> diagnostics) {

    public SecretReport {
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }

    static final Comparator<SecretFinding> ORDER = Comparator.comparing(SecretFinding::severity)
            .thenComparing(SecretFinding::where).thenComparingInt(SecretFinding::layerIndex)
            .thenComparing(SecretFinding::path).thenComparingInt(SecretFinding::line).thenComparing(SecretFinding::rule);

    /** Opens, walks and merges REF (the built-in analyzers, so the layer cache is shared with other commands) and reports its secrets. */
    public static SecretReport scan(String ref, Platform platform, LayerCache cache, SourceOptions options) throws IOException {
        return scan(ref, platform, cache, options, SecretConfig.NONE);
    }

    /** As {@link #scan(String, Platform, LayerCache, SourceOptions)}, with the rules of a {@code .drydock.yaml}. */
    public static SecretReport scan(String ref, Platform platform, LayerCache cache, SourceOptions options,
                                    SecretConfig config) throws IOException {
        SecretAnalyzer secrets = SecretAnalyzer.of(config);
        List<Analyzer<?>> analyzers = new ArrayList<>(Analyzers.builtIn());
        analyzers.removeIf(a -> a.type().equals(secrets.type()));
        analyzers.add(secrets);
        return of(Analysis.of(ref, platform, analyzers, cache, options), secrets);
    }

    /** Findings of an analysis that ran {@code analyzer} (its results per layer) merged with the config's. */
    public static SecretReport of(Analysis analysis, SecretAnalyzer analyzer) {
        Map<String, Integer> removedBy = new HashMap<>();
        for (MergedView.Removed r : analysis.view().removed()) {
            removedBy.put(r.layer() + "\0" + r.info().path(), r.byLayer());
        }
        List<SecretFinding> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        SecretRules rules = analyzer.scanner().rules();
        PackageFiles packages = PackageFiles.of(analysis.layers());
        for (LayerResult layer : analysis.layers()) {
            diagnostics.addAll(layer.diagnostics());
            for (LayerResult.Found<SecretHits> f : layer.results(analyzer)) {
                Integer by = removedBy.get(layer.index() + "\0" + f.path()); // an archive's entries go with it
                for (SecretHit h : f.value().hits()) {
                    SecretRule rule = rules.rule(h.rule());
                    if (rule == null) {
                        continue; // a cached result of a rule since removed
                    }
                    SecretFinding finding = SecretFinding.of(rule, h, SecretFinding.Where.FILE, h.entry() == null ? f.path() : h.entry(),
                            layer.diffId().toString(), layer.index());
                    String owner = packages.owner(layer.index(), f.path());
                    if (owner != null) {
                        PackageFiles.Verdict v = PackageFiles.verdict(finding.path(), rule);
                        if (v == PackageFiles.Verdict.SKIP) {
                            continue;
                        }
                        finding = finding.ownedBy(owner, v == PackageFiles.Verdict.LOWER ? Severity.LOW : finding.severity());
                    }
                    out.add(by == null ? finding : finding.deletedBy(by));
                }
            }
        }
        out.addAll(ConfigSecrets.scan(analysis.image(), analyzer.scanner()));
        out.sort(ORDER);
        return new SecretReport(name(analysis.image()), out, diagnostics);
    }

    private static String name(Image image) {
        return image.tags().isEmpty() ? image.source() : image.source() + " (" + String.join(", ", image.tags()) + ")";
    }

    /** Whether any finding is at least this severe. */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public void writeJson(Writer w) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new NonClosing(w), this);
    }

    public void writeTable(Writer w) throws IOException {
        String nl = System.lineSeparator();
        w.write("Secrets in " + image + ": " + findings.size() + nl);
        if (findings.isEmpty()) {
            w.write("No secrets found." + nl);
        } else {
            String fmt = "%-9s %-30s %-48s %-16s %-38s %s" + nl;
            w.write(String.format(java.util.Locale.ROOT, fmt, "SEVERITY", "RULE", "WHERE", "LAYER", "DELETED", "MATCH"));
            for (SecretFinding f : findings) {
                String where = f.where() == SecretFinding.Where.FILE ? "/" + f.path() + ":" + f.line() : f.path();
                if (f.ownedBy() != null) {
                    where += " (package " + f.ownedBy() + ")";
                }
                String layer = f.layerIndex() < 0 ? (f.where() == SecretFinding.Where.HISTORY ? "(no layer)" : "config")
                        : (f.layerIndex() + 1) + " " + shortDigest(f.layer());
                String deleted = f.deleted() ? "deleted in layer " + (f.deletedInLayer() + 1) + ", still extractable" : "-";
                w.write(String.format(java.util.Locale.ROOT, fmt, f.severity(), f.rule(), where, layer, deleted, f.match()));
            }
        }
        for (String d : diagnostics) {
            w.write("note: " + d + nl);
        }
        w.flush();
    }

    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return hex.substring(0, Math.min(12, hex.length()));
    }

    /** Jackson closes what it writes to; the caller owns the writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
