package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.KeyValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The label schema of {@link LintSettings#labelSchema()} (Hadolint's {@code label-schema}): which labels an image
 * must carry and what their values must look like. The types are those the config accepts: {@code text},
 * {@code url}, {@code email}, {@code semver}, {@code rfc3339}, {@code hash} and {@code spdx}. DL3049–DL3058 share it.
 */
final class LabelSchema {

    /** A value type of the schema. */
    enum Type {
        TEXT, URL, EMAIL, SEMVER, RFC3339, HASH, SPDX;

        static Optional<Type> parse(String s) {
            try {
                return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    // https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    // RFC 3339 section 5.6 date-time; the T may be a space or lower-case (section 5.6, note).
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    // A full SHA-1 or SHA-256 object name, or an abbreviation of at least 7 digits (git rev-parse --short).
    private static final Pattern GIT_HASH = Pattern.compile("[0-9a-f]{7,40}|[0-9a-f]{64}");
    // RFC 5322 addr-spec with a dot-atom local part and domain, or a quoted local part.
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String ADDR_SPEC = "(?:" + ATOM + "(?:\\." + ATOM + ")*|\"(?:[^\"\\\\]|\\\\.)*\")"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*";
    private static final Pattern EMAIL = Pattern.compile(ADDR_SPEC + "|[^<>]*<" + ADDR_SPEC + ">");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private LabelSchema() {
    }

    /** The schema's labels of one type, in a stable order. */
    static List<String> labels(LintSettings settings, Type type) {
        return settings.labelSchema().entrySet().stream()
                .filter(e -> Type.parse(e.getValue()).orElse(Type.TEXT) == type)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** Every label the schema names, sorted. */
    static List<String> labels(LintSettings settings) {
        return settings.labelSchema().keySet().stream().sorted().toList();
    }

    /**
     * The value a label gets, when it is known while linting: a value that refers to a variable ({@code $VCS_REF},
     * {@code ${BUILD_DATE}}) is decided by the build ({@code --build-arg}), so it is not judged.
     */
    static Optional<String> literalValue(KeyValue label) {
        String v = label.value() == null ? "" : label.value();
        return v.indexOf('$') >= 0 ? Optional.empty() : Optional.of(v);
    }

    static boolean valid(Type type, String value) {
        return switch (type) {
            case TEXT -> true;
            case URL -> isUrl(value);
            case EMAIL -> EMAIL.matcher(value).matches();
            case SEMVER -> SEMVER.matcher(value).matches();
            case RFC3339 -> isRfc3339(value);
            case HASH -> GIT_HASH.matcher(value).matches();
            case SPDX -> SpdxExpression.isValid(value);
        };
    }

    /**
     * Reports every label of {@code type} in a LABEL instruction whose value is not valid for the type;
     * {@code message} (Hadolint's, ending in a full stop) has one {@code %s} for the label name; the value found
     * is appended.
     */
    static void reportInvalid(Instruction i, LintContext ctx, Violations out, Type type, String message) {
        if (!i.is("LABEL")) {
            return;
        }
        List<String> names = labels(ctx.settings(), type);
        for (KeyValue kv : i.pairs()) {
            if (names.contains(kv.key())) {
                literalValue(kv).filter(v -> !valid(type, v)).ifPresent(v -> {
                    String m = String.format(message, kv.key());
                    out.report(i, kv.position(), m.substring(0, m.length() - 1) + ": `" + v + "`.");
                });
            }
        }
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && SCHEME.matcher(uri.getScheme()).matches()
                    && !uri.getSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isRfc3339(String value) {
        if (!RFC3339.matcher(value).matches()) {
            return false;
        }
        String iso = value.substring(0, 10) + "T" + value.substring(11).toUpperCase(Locale.ROOT);
        try {
            OffsetDateTime.parse(iso);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
