package dev.drydock.dockerfile.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in a Dockerfile line before a report shows it (the table's offending line, SARIF's snippet): a
 * report must never print the secret a finding is about. Uses the same knowledge as the secret rules
 * ({@link SecretPatterns}): {@code NAME=value} with a credential-looking name, legacy {@code ENV NAME value}, and
 * any token with a secret's shape (cloud keys, tokens, private keys, URLs with a password).
 */
public final class SourceRedaction {

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern LEGACY_ENV = Pattern.compile("(?i)^(\\s*(?:ENV|ARG|LABEL)\\s+)([A-Za-z_][\\w.-]*)(\\s+)(\\S.*)$");

    /** Options whose next word is a credential: curl/wget/git {@code -u user:pass}, {@code --password x}. */
    private static final java.util.Set<String> CREDENTIAL_OPTIONS = java.util.Set.of("-u", "--user", "--password",
            "--http-password", "--ftp-password", "-p", "--proxy-user", "--token");

    private static final java.util.Set<String> USER_OPTIONS = java.util.Set.of("-u", "--user", "--proxy-user");

    /** The userinfo of a URL: {@code https://bob:ghp_…@github.com} → group 2 {@code bob}, group 3 {@code ghp_…}. */
    private static final Pattern URL_USERINFO =
            Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s:@`'\"]*)(?::([^/\\s@`'\"]*))?@");

    /** A URL's query parameter: {@code ?access_token=…}, {@code &X-Amz-Signature=…}. */
    private static final Pattern QUERY_PARAMETER =
            Pattern.compile("([?&]([A-Za-z][A-Za-z0-9_.-]*)=)([^&#\\s`'\"]+)");

    private SourceRedaction() {
    }

    /**
     * A finding's message (or any text quoting a command or URL) with credentials masked: the password of every
     * URL ({@code https://bob:****@github.com/…}), a user name that may be a token ({@code https://****@github.com}
     * for {@code https://ghp_…@github.com}; short names such as {@code git} are kept), a query parameter with a
     * credential's name ({@code ?access_token=…}), and any other token with a secret's shape
     * ({@link SecretPatterns#SHAPES}), shown as its first four characters. Variable references
     * ({@code https://$USER:$TOKEN@…}) are kept: they are not the secret. Masking twice changes nothing.
     */
    public static String maskCredentials(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + maskedUser(m.group(2)) + (m.group(3) == null ? "" : ":" + masked(m.group(3))) + "@"));
        out = QUERY_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + (SecretPatterns.secretName(m.group(2)) && SecretPatterns.literalSecret(m.group(3))
                        && !m.group(3).endsWith("****")
                        ? SecretPatterns.redact(m.group(3)) : m.group(3))));
        for (SecretPatterns.Shape shape : SecretPatterns.SHAPES) {
            // URLs' userinfo is masked above, where variable references are told apart
            out = shape.pattern().matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                    m.group().contains("://") ? m.group() : SecretPatterns.redact(m.group())));
        }
        return out;
    }

    private static String maskedUser(String user) {
        boolean name = user.length() < 16 && SecretPatterns.secretShape(user).isEmpty();
        return name || SecretPatterns.isReference(user) ? user : "****";
    }

    private static String masked(String password) {
        return password.isEmpty() || SecretPatterns.isReference(password) ? password : "****";
    }

    /** The line with every secret value replaced by its redacted form. */
    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        Matcher legacy = LEGACY_ENV.matcher(line);
        if (legacy.matches() && !legacy.group(2).contains("=") && !legacy.group(4).startsWith("=")
                && SecretPatterns.secretName(legacy.group(2)) && SecretPatterns.literalSecret(unquote(legacy.group(4)))) {
            return legacy.group(1) + legacy.group(2) + legacy.group(3) + SecretPatterns.redact(unquote(legacy.group(4)));
        }
        StringBuilder out = new StringBuilder(line.length());
        Matcher m = TOKEN.matcher(line);
        int last = 0;
        String previous = "";
        while (m.find()) {
            String token = m.group();
            String shown = CREDENTIAL_OPTIONS.contains(previous) ? credential(token, USER_OPTIONS.contains(previous))
                    : redactToken(token);
            out.append(line, last, m.start()).append(shown);
            last = m.end();
            previous = token;
        }
        return out.append(line.substring(last)).toString();
    }

    private static String redactToken(String token) {
        int eq = token.indexOf('=');
        if (eq > 0) {
            String key = token.substring(0, eq).replaceFirst("^--?", "").replace("\"", "");
            String value = unquote(token.substring(eq + 1));
            if (SecretPatterns.secretShape(value).isPresent()
                    || (SecretPatterns.secretName(key) && SecretPatterns.literalSecret(value))) {
                return token.substring(0, eq + 1) + SecretPatterns.redact(value);
            }
        }
        if (SecretPatterns.secretShape(token).isPresent()) {
            return SecretPatterns.redact(unquote(token));
        }
        return token;
    }

    /**
     * {@code user:pass} → {@code user:****}; after a user option a bare name is kept, after a password option
     * it becomes {@code ****}; variable references are kept.
     */
    private static String credential(String token, boolean userOption) {
        String v = unquote(token);
        if (v.startsWith("$") || v.isEmpty() || v.startsWith("-")) {
            return token;
        }
        int colon = v.indexOf(':');
        if (colon >= 0) {
            return v.substring(colon + 1).startsWith("$") ? token : v.substring(0, colon + 1) + "****";
        }
        return userOption ? token : "****";
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
