package dev.drydock.scan;

import dev.drydock.analyzer.LayerResult;
import dev.drydock.secret.SecretAnalyzer;
import dev.drydock.secret.SecretFinding;
import dev.drydock.secret.SecretHit;
import dev.drydock.secret.SecretHits;
import dev.drydock.secret.SecretReport;
import dev.drydock.secret.SecretRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret engine's findings as report {@link Finding}s of kind SECRET. The match is carried exactly as the engine
 * gives it, already redacted, and only in the description; nothing here sees the secret's value.
 */
final class SecretFindings {

    static final String CONFIG_TARGET = "image config";

    private SecretFindings() {
    }

    /** An image's secrets ({@link SecretReport#of}): files of every layer, deleted ones too, and the config. */
    static List<Finding> of(SecretReport report) {
        List<Finding> out = new ArrayList<>();
        for (SecretFinding f : report.findings()) {
            out.add(of(f));
        }
        return out;
    }

    static Finding of(SecretFinding f) {
        boolean file = f.where() == SecretFinding.Where.FILE;
        Finding.Location loc = file
                ? new Finding.Location(f.path(), f.line(), null, f.layerIndex() < 0 ? null : f.layerIndex(), f.layer(),
                f.deletedInLayer(), null)
                : new Finding.Location(null, f.line(), null, f.layerIndex() < 0 ? null : f.layerIndex(), f.layer(), null,
                f.path());
        String fix = f.deleted()
                ? "Revoke and rotate it. Deleting the file in layer " + (f.deletedInLayer() + 1) + " did not remove it:"
                + " it stays extractable from layer " + (f.layerIndex() + 1) + "; rebuild so it is never added"
                + " (a build secret mount, or a multi-stage build)"
                : file ? "Revoke and rotate it, and keep it out of the image (a build secret mount, .dockerignore)"
                : "Revoke and rotate it, and pass it at run time instead of baking it into the image config";
        return new Finding(Finding.Kind.SECRET, f.rule(), List.of(), severity(f.severity()), f.title(),
                "Match (redacted): " + f.match(), file ? f.path() : CONFIG_TARGET, loc, null, fix, List.of(), null);
    }

    /** A directory's secrets: the files of its one pseudo-layer. */
    static List<Finding> of(LayerResult layer, SecretAnalyzer analyzer) {
        List<Finding> out = new ArrayList<>();
        for (LayerResult.Found<SecretHits> found : layer.results(analyzer)) {
            for (SecretHit h : found.value().hits()) {
                SecretRule rule = analyzer.scanner().rules().rule(h.rule());
                if (rule == null) {
                    continue;
                }
                String path = h.entry() == null ? found.path() : h.entry();
                out.add(new Finding(Finding.Kind.SECRET, rule.id(), List.of(), severity(rule.severity()), rule.title(),
                        "Match (redacted): " + h.match(), path, Finding.Location.file(path, h.line()), null,
                        "Revoke and rotate it, and keep it out of the directory (or out of the image built from it)",
                        List.of(), null));
            }
        }
        return out;
    }

    static Severity severity(dev.drydock.secret.Severity s) {
        return Severity.valueOf(s.name());
    }
}
