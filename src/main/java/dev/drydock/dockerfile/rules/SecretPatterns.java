package dev.drydock.dockerfile.rules;

import dev.drydock.secret.SecretHit;
import dev.drydock.secret.SecretRule;
import dev.drydock.secret.SecretScanner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a secret looks like in a Dockerfile: variable and label names that hold credentials
 * ({@code GITHUB_TOKEN}, {@code DB_PASSWORD}, {@code AWS_SECRET_ACCESS_KEY}), and values whose shape gives them
 * away whatever they are called. Shapes come first from the image secret scanner's provider rules
 * ({@link SecretScanner#builtIn()}: one shared instance, so `drydock dockerfile` and `drydock secrets` agree, and
 * messages name the secret rule's id), then from the few shapes here that a Dockerfile value can hold without the
 * scanner's context (a private-key header alone, a JWT, a URL with a password, AWS's documented example key id).
 * Shared by the secret rules DD0001, DD0002, DD0003, DD0005 and DD0022, so they agree on what a secret is.
 * {@link #redact(String)} is the only way their messages show a value.
 */
final class SecretPatterns {

    private SecretPatterns() {
    }

    /** A kind of secret recognised by its shape. */
    record Shape(String kind, Pattern pattern) {
    }

    private static final Shape URL_WITH_PASSWORD = new Shape("a URL with a password",
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:([^/\\s@]+)@"));

    static final List<Shape> SHAPES = List.of(
            new Shape("an AWS access key id",
                    Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])")),
            new Shape("a GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})")),
            new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Shape("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Shape("a Stripe secret key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{20,}")),
            new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Shape("a private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
            new Shape("a JSON Web Token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
            URL_WITH_PASSWORD);

    /** Name parts that make a name secret wherever they appear ({@code DBPASSWORD}, {@code CLIENT_SECRET}). */
    private static final Pattern SECRET_WORD = Pattern.compile("PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL");
    /** Whole name parts that make a name secret ({@code DB_PASS}, {@code MYSQL_PWD}, {@code NPM_TOKEN}). */
    private static final Set<String> SECRET_PARTS = Set.of("PASS", "PWD", "TOKEN", "APIKEY", "ACCESSKEY",
            "SECRETKEY", "PRIVATEKEY", "AUTHTOKEN", "ACCESSTOKEN");
    /** Credential names that need no rule to recognise. */
    private static final Set<String> KNOWN = Set.of("AWS_ACCESS_KEY_ID", "NPM_AUTH", "_AUTH", "HF_TOKEN");
    /** A last name part that says the variable points at or describes a secret rather than holding it. */
    private static final Set<String> NOT_SECRET_LAST = Set.of("FILE", "FILES", "PATH", "DIR", "URL", "URI",
            "ENDPOINT", "HOST", "PORT", "NAME", "USER", "USERNAME", "LENGTH", "MIN", "MAX", "POLICY", "ENABLED",
            "REQUIRED", "HEADER", "TYPE", "ALGORITHM", "TTL", "TIMEOUT", "EXPIRY", "LIFETIME", "MODE", "SERVER",
            "HELPER", "SOURCE", "LOCATION", "ALGO", "FORMAT", "STRENGTH", "COMPLEXITY", "PROMPT",
            "PROVIDER", "STORE", "BACKEND", "ENGINE", "COMMAND", "CMD", "EXPIRATION", "DAYS", "SECONDS", "ROTATION",
            "VERSION", "ENABLE", "DISABLE", "DISABLED");
    /** Parts before {@code KEY} naming public or non-cryptographic keys ({@code GPG_KEY} in official images). */
    private static final Set<String> PUBLIC_KEY_PREFIX = Set.of("GPG", "PGP", "GNUPG", "PUBLIC", "PUB", "SORT",
            "PARTITION", "CACHE", "PRIMARY", "FOREIGN", "HOST", "REPO", "APT", "TRUSTED", "KEYSERVER");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern REFERENCE =
            Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*([:?+=-][^}]*)?}|[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern NAME_REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> FLAGS =
            Set.of("true", "false", "yes", "no", "on", "off", "none", "null", "0", "1");

    /**
     * Whether a variable or label name says it holds a credential. Names are compared case-insensitively with
     * {@code -}, {@code .} and camelCase boundaries read as {@code _} ({@code com.example.apiKey} → {@code API_KEY}).
     */
    static boolean secretName(String name) {
        String n = normalise(name);
        if (KNOWN.contains(n)) {
            return true;
        }
        List<String> parts = java.util.Arrays.stream(n.split("_+")).filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty() || n.equals("PWD") || NOT_SECRET_LAST.contains(parts.get(parts.size() - 1))) {
            return false;
        }
        if (SECRET_WORD.matcher(n).find()) {
            return true;
        }
        for (String p : parts) {
            if (SECRET_PARTS.contains(p) || p.endsWith("TOKEN") && p.length() > 5 && !p.startsWith("TOKEN")) {
                return true;
            }
        }
        String last = parts.get(parts.size() - 1);
        if ((last.equals("KEY") || last.equals("KEYS")) && parts.size() > 1) {
            return !PUBLIC_KEY_PREFIX.contains(parts.get(parts.size() - 2));
        }
        return false;
    }

    /**
     * Why {@code name=value} puts a secret into the image, as message text naming the variable and showing the
     * value only {@link #redact redacted}: "`GITHUB_TOKEN` holds a GitHub token (ghp_****)" or "`DB_PASSWORD` is set
     * to a literal value (****)"; empty when it does not.
     */
    static Optional<String> leak(String name, String value) {
        Optional<String> shape = secretShape(value);
        if (shape.isPresent()) {
            return Optional.of("`" + name + "` holds " + shape.get() + " (" + redact(value) + ")");
        }
        if (secretName(name) && literalSecret(value)) {
            return Optional.of("`" + name + "` is set to a literal value (" + redact(value) + ")");
        }
        return Optional.empty();
    }

    /** The kind of secret a value contains by its shape ("a GitHub token"), if any. */
    static Optional<String> secretShape(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretHit> provider = providerSecret(value);
        if (provider.isPresent()) {
            return Optional.of(describe(provider.get()));
        }
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(value);
            while (m.find()) {
                // postgres://app:${DB_PASSWORD}@db/app: the password comes from elsewhere
                boolean referencedPassword = s == URL_WITH_PASSWORD && isReference(m.group(1));
                if (!referencedPassword) {
                    return Optional.of(s.kind());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first secret a provider rule of the image secret scanner finds in the text: the generic fallback rules
     * ({@code password=…} assignments) are left out, as the name checks here decide those for Dockerfiles.
     */
    static Optional<SecretHit> providerSecret(String text) {
        if (text == null || text.length() < MIN_PROVIDER_SECRET) {
            return Optional.empty();
        }
        SecretScanner scanner = SecretScanner.builtIn();
        for (SecretHit h : scanner.scanText("", text)) {
            SecretRule r = scanner.rules().rule(h.rule());
            if (r != null && !r.fallback()) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** "a GitHub personal access token (secret rule github-pat)". */
    static String describe(SecretHit hit) {
        SecretRule r = SecretScanner.builtIn().rules().rule(hit.rule());
        String title = r == null ? hit.rule() : r.title();
        String article = "AEIOUaeiou".indexOf(title.charAt(0)) >= 0 ? "an " : "a ";
        return article + title + " (secret rule " + hit.rule() + ")";
    }

    /** No provider's credential is shorter; shorter values skip the scanner. */
    private static final int MIN_PROVIDER_SECRET = 12;

    /**
     * Whether a value set on a secret-looking name is a literal secret: not empty, not only variable references
     * ({@code $TOKEN}, {@code "${TOKEN:-}"}), not a switch ({@code true}, {@code 0}), not a file path.
     */
    static boolean literalSecret(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        if (v.isEmpty() || FLAGS.contains(v.toLowerCase(Locale.ROOT)) || isReference(v)) {
            return false;
        }
        boolean path = (v.startsWith("/") || v.startsWith("./") || v.startsWith("~/") || v.startsWith("$"))
                && !v.contains(" ");
        return !path;
    }

    /** The variables a value refers to: {@code ${A:-x}$B} → A, B. */
    static List<String> references(String value) {
        if (value == null) {
            return List.of();
        }
        return NAME_REFERENCE.matcher(value).results().map(m -> m.group(1)).toList();
    }

    /** Whether the text is nothing but variable references ({@code $A}, {@code ${A}${B:-x}}). */
    static boolean isReference(String text) {
        return !text.isEmpty() && REFERENCE.matcher(text).replaceAll("").isEmpty();
    }

    /**
     * The value as messages may show it: its first four characters and {@code ****} when it is at least 12
     * characters long (enough to recognise a token's prefix, too little to use it), else only {@code ****}.
     */
    static String redact(String value) {
        if (value == null || value.length() < 12) {
            return "****";
        }
        return value.substring(0, 4) + "****";
    }

    private static String normalise(String name) {
        return CAMEL.matcher(name).replaceAll("$1_$2").toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
