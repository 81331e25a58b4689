package dev.drydock.secret;

/**
 * The only form in which a secret leaves the scanner: at most its first four characters, then {@code ****}. Short
 * values show less (a third of them), so a redacted password never gives most of itself away.
 */
public final class Redaction {

    private Redaction() {
    }

    public static String redact(CharSequence secret) {
        int show = Math.min(4, secret.length() / 3);
        StringBuilder sb = new StringBuilder(show + 4);
        for (int i = 0; i < show; i++) {
            char c = secret.charAt(i);
            sb.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.append("****").toString();
    }
}
