package dev.drydock.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A login for one registry: a username and password, or an identity token (an OAuth2 refresh token, what
 * {@code docker login} stores for some registries as username {@code <token>}). {@link #toString()} never shows the
 * secret, so a credential cannot reach a log or a message by accident.
 */
public record Credentials(String username, String password, String identityToken, String from) {

    public static Credentials basic(String username, String password, String from) {
        return new Credentials(username, password, null, from);
    }

    public static Credentials identityToken(String token, String from) {
        return new Credentials(null, null, token, from);
    }

    public boolean isIdentityToken() {
        return identityToken != null;
    }

    /** The {@code Authorization} header for HTTP basic auth (RFC 7617). */
    String basicHeader() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Names the login for messages: the user and where it came from, never the secret. */
    String describe() {
        return (isIdentityToken() ? "an identity token" : "user '" + username + "'") + " (from " + from + ")";
    }

    @Override
    public String toString() {
        return "Credentials[" + describe() + "]";
    }
}
