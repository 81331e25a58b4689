package dev.drydock.secret;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A secret in an image. Holds the match only {@link Redaction redacted}: the value itself is never stored.
 *
 * @param where          where in the image: a layer's file, or a part of the image config
 * @param path           the file (without leading {@code /}), or the config field, e.g. {@code Env[AWS_SECRET_ACCESS_KEY]}
 * @param line           1-based line in the file or value
 * @param layer          the diff_id of the layer holding the file (or made by the history step); null for the config
 * @param layerIndex     0-based; -1 for the config
 * @param deleted        whether a later layer deleted or overwrote the file: gone from the final filesystem, still
 *                       extractable from the image
 * @param deletedInLayer 0-based index of the layer that deleted or overwrote it, or null
 * @param ownedBy        the OS package that put the file there, or null (see {@link PackageFiles})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretFinding(String rule, String category, String title, Severity severity, Where where, String path,
                            int line, String layer, int layerIndex, boolean deleted, Integer deletedInLayer, String match,
                            String ownedBy) {

    public enum Where { FILE, ENV, LABEL, ENTRYPOINT, CMD, HISTORY }

    static SecretFinding of(SecretRule rule, SecretHit hit, Where where, String path, String layer, int layerIndex) {
        return new SecretFinding(rule.id(), rule.category(), rule.title(), rule.severity(), where, path, hit.line(), layer,
                layerIndex, false, null, hit.match(), null);
    }

    SecretFinding deletedBy(int byLayer) {
        return new SecretFinding(rule, category, title, severity, where, path, line, layer, layerIndex, true, byLayer, match,
                ownedBy);
    }

    /** The same finding in a file of an OS package's, at this severity. */
    SecretFinding ownedBy(String owner, Severity at) {
        return new SecretFinding(rule, category, title, at, where, path, line, layer, layerIndex, deleted, deletedInLayer,
                match, owner);
    }
}
