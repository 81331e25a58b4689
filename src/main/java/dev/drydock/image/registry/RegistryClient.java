package dev.drydock.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.ImageJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one caller behind the endpoint classes ({@link ManifestPuller}, {@link BlobPuller}): sends GETs to one
 * repository of one registry over java.net.http and does, once for all of them, what the OCI distribution spec and
 * its auth spec ask of a client:
 * <ul>
 *   <li>auth: on 401, the {@code WWW-Authenticate} challenge decides: {@code Bearer} fetches a token from the realm
 *       for the service and scope (with the login, if there is one; anonymous otherwise, as Docker Hub allows for
 *       public images); {@code Basic} sends the login. The login is looked up only when a registry asks.</li>
 *   <li>redirects are followed by hand, so the {@code Authorization} header goes only to the registry's own
 *       scheme://host:port and never to blob storage elsewhere (S3, a CDN).</li>
 *   <li>retries with exponential backoff on 429 and 5xx (honouring {@code Retry-After}), and on network errors while
 *       the timeout lasts; then "registry X unreachable after Ns".</li>
 *   <li>timeouts: connect and the wait for headers via java.net.http, the body via {@link BodyStream}.</li>
 *   <li>proxies from the environment ({@link EnvProxySelector}); plain HTTP only with {@code --insecure}.</li>
 * </ul>
 * Thread-safe: layers are pulled in parallel.
 */
final class RegistryClient {

    private static final int MAX_ATTEMPTS = 5;
    private static final int MAX_REDIRECTS = 5;
    private static final long MAX_RETRY_AFTER_MS = 30_000;

    private final String registry;
    private final URI base;
    private final String repository;
    private final Supplier<Optional<Credentials>> login;
    private final Duration timeout;
    private final boolean insecure;
    private final HttpClient http;
    private final Sleeper sleeper;
    private volatile String authorization;
    private Optional<Credentials> credentials;

    /** Waits between retries; tests make it instant. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * @param registry   as the reference names it ({@code docker.io}, {@code 127.0.0.1:5000}), for messages
     * @param apiHost    where the API answers ({@code registry-1.docker.io} for Docker Hub)
     * @param login      looked up on the first challenge that needs one
     */
    RegistryClient(String registry, String apiHost, String repository, Supplier<Optional<Credentials>> login,
                   Duration timeout, boolean insecure, Map<String, String> env, Sleeper sleeper) {
        this.registry = registry;
        this.base = URI.create((insecure ? "http://" : "https://") + apiHost);
        this.repository = repository;
        this.login = login;
        this.timeout = timeout;
        this.insecure = insecure;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(EnvProxySelector.of(env))
                .build();
    }

    String registry() {
        return registry;
    }

    String repository() {
        return repository;
    }

    /** A successful (2xx) response; the caller closes the body. */
    record Response(int status, HttpHeaders headers, InputStream body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * GETs {@code /v2/REPOSITORY/PATH}, authenticating as the registry asks.
     *
     * @param what names the request in messages, e.g. {@code "manifest 1.0 of 127.0.0.1:5000/app"}
     * @throws InputException for anything but a 2xx in the end: authentication failed, not found, unreachable
     */
    Response get(String path, List<String> accept, String what) throws IOException {
        URI uri = base.resolve("/v2/" + repository + "/" + path);
        int challenges = 0;
        String sent = null;
        while (true) {
            sent = authorization;
            Raw r = send(uri, "GET", accept, null, sent, what);
            if (r.status == 401) {
                List<Challenge> cs = Challenge.parse(r.headers.allValues("WWW-Authenticate"));
                r.discard();
                if (++challenges > 2) {
                    throw new InputException(what + ": registry " + registry + " keeps refusing access (401) after "
                            + "authenticating" + loginNote());
                }
                authenticate(cs, sent, what);
                continue;
            }
            if (r.status / 100 == 2) {
                return new Response(r.status, r.headers, r.body);
            }
            throw failure(r, what);
        }
    }

    private String loginNote() {
        Optional<Credentials> c = credentials;
        return c != null && c.isPresent() ? " as " + c.get().describe() : "";
    }

    private synchronized Optional<Credentials> credentials() {
        if (credentials == null) {
            credentials = login.get();
        }
        return credentials;
    }

    private synchronized void authenticate(List<Challenge> cs, String sent, String what) throws IOException {
        if (!java.util.Objects.equals(sent, authorization)) {
            return; // another thread authenticated meanwhile: try its header
        }
        Challenge bearer = cs.stream().filter(Challenge::isBearer).findFirst().orElse(null);
        if (bearer != null) {
            if (sent != null && sent.startsWith("Bearer ")) {
                Optional<Credentials> c = credentials();
                throw new InputException(what + ": registry " + registry + " refused the token from its token server"
                        + (c.isPresent() ? " for " + c.get().describe() + " (no pull access to " + repository + "?)"
                        : " (anonymous access denied; log in with docker login, or pass --username with --password-stdin)"));
            }
            authorization = "Bearer " + fetchToken(bearer, what);
            return;
        }
        Challenge basic = cs.stream().filter(Challenge::isBasic).findFirst().orElse(null);
        if (basic == null) {
            throw new InputException(what + ": registry " + registry + " answered 401 without a challenge drydock understands"
                    + (cs.isEmpty() ? " (no WWW-Authenticate)" : " (" + cs.get(0).scheme() + ")"));
        }
        Optional<Credentials> c = credentials();
        if (c.isEmpty() || c.get().isIdentityToken()) {
            throw new InputException(what + ": registry " + registry + " needs a login: run docker login " + registry
                    + ", or pass --username with --password-stdin");
        }
        if (sent != null) {
            throw authFailed(c.get(), null);
        }
        authorization = c.get().basicHeader();
    }

    private InputException authFailed(Credentials c, String where) {
        return new InputException("registry " + registry + ": authentication failed for " + c.describe()
                + (where == null ? "" : " at its " + where) + " (wrong username or password?)");
    }

    /** The token flow: github.com/distribution/distribution docs/spec/auth/token.md (GET) and oauth.md (POST). */
    private String fetchToken(Challenge ch, String what) throws IOException {
        String realm = ch.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new InputException(what + ": registry " + registry + " sent a Bearer challenge without a realm");
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new InputException(what + ": registry " + registry + " sent an invalid token realm '" + realm + "'");
        }
        if ("http".equalsIgnoreCase(realmUri.getScheme()) && !insecure) {
            throw new InputException(what + ": registry " + registry + " wants tokens from " + realm
                    + " over plain HTTP; drydock sends logins over HTTP only with --insecure");
        }
        if (!"http".equalsIgnoreCase(realmUri.getScheme()) && !"https".equalsIgnoreCase(realmUri.getScheme())) {
            throw new InputException(what + ": registry " + registry + " sent a token realm that is not a URL: " + realm);
        }
        String scope = ch.param("scope") != null ? ch.param("scope") : "repository:" + repository + ":pull";
        List<String> query = new ArrayList<>();
        if (ch.param("service") != null) {
            query.add("service=" + enc(ch.param("service")));
        }
        query.add("scope=" + enc(scope));
        Optional<Credentials> c = credentials();
        Raw r;
        String where = "token server " + realmUri.getScheme() + "://" + realmUri.getRawAuthority() + realmUri.getRawPath();
        if (c.isPresent() && c.get().isIdentityToken()) {
            query.add("grant_type=refresh_token");
            query.add("client_id=drydock");
            query.add("refresh_token=" + enc(c.get().identityToken()));
            r = send(realmUri, "POST", List.of("application/json"), String.join("&", query), null, what + " (token)");
        } else {
            URI u = URI.create(realm + (realm.contains("?") ? "&" : "?") + String.join("&", query));
            r = send(u, "GET", List.of("application/json"), null, c.map(Credentials::basicHeader).orElse(null),
                    what + " (token)");
        }
        if (r.status == 401 || r.status == 403) {
            r.discard();
            if (c.isPresent()) {
                throw authFailed(c.get(), where);
            }
            throw new InputException(what + ": registry " + registry + " needs a login (its " + where
                    + " refused anonymous access): run docker login " + registry + ", or pass --username with --password-stdin");
        }
        if (r.status / 100 != 2) {
            throw failure(r, what + ": " + where);
        }
        byte[] json;
        try (InputStream in = r.body) {
            json = ImageJson.readBounded(in, 1 << 20, where);
        }
        JsonNode n = ImageJson.parse(json, JsonNode.class, where);
        String token = n.path("token").asText(n.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new InputException(what + ": " + where + " answered without a token");
        }
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private InputException failure(Raw r, String what) {
        String detail = r.errorText();
        String text = switch (r.status) {
            case 404 -> "not found (no such repository, tag or blob)";
            case 403 -> "access denied";
            case 429 -> "too many requests, still after " + MAX_ATTEMPTS + " attempts";
            default -> r.status >= 500 ? "server error " + r.status + ", still after " + MAX_ATTEMPTS + " attempts"
                    : "unexpected HTTP status " + r.status;
        };
        return new InputException(what + ": registry " + registry + ": " + text + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    /** A response of any status, redirects followed. */
    private final class Raw {
        final int status;
        final HttpHeaders headers;
        final InputStream body;

        Raw(int status, HttpHeaders headers, InputStream body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        void discard() {
            try {
                body.close();
            } catch (IOException e) {
                // nothing to do
            }
        }

        /** The registry's error codes and messages (distribution spec "Error Codes"), if it sent JSON. */
        String errorText() {
            try (InputStream in = body) {
                byte[] b = in.readNBytes(64 * 1024);
                JsonNode n = ImageJson.mapper().readTree(b);
                List<String> parts = new ArrayList<>();
                if (n != null) {
                    for (JsonNode e : n.path("errors")) {
                        parts.add((e.path("code").asText("") + " " + e.path("message").asText("")).trim());
                    }
                }
                return String.join("; ", parts);
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }

    /** Sends with retries on network errors (while the timeout lasts) and on 429/5xx (with backoff). */
    private Raw send(URI uri, String method, List<String> accept, String form, String auth, String what) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            Raw r;
            try {
                r = sendFollowingRedirects(uri, method, accept, form, auth, what);
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (attempt < MAX_ATTEMPTS && System.nanoTime() + backoff(attempt) * 1_000_000L < deadline) {
                    pause(backoff(attempt));
                    continue;
                }
                throw unreachable(start, e instanceof ConnectException ? "connection refused" : "connect timed out");
            } catch (HttpTimeoutException e) {
                throw unreachable(start, "no answer within " + timeout.toSeconds() + "s");
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("closed")
                        && attempt < MAX_ATTEMPTS && System.nanoTime() < deadline) {
                    pause(backoff(attempt));
                    continue; // a connection the server dropped before answering
                }
                throw new InputException(what + ": registry " + registry + ": " + describe(e), e);
            }
            if ((r.status == 429 || r.status == 500 || r.status == 502 || r.status == 503 || r.status == 504)
                    && attempt < MAX_ATTEMPTS) {
                long wait = Math.max(backoff(attempt), retryAfter(r.headers));
                r.discard();
                pause(wait);
                continue;
            }
            return r;
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + m + " (a registry that speaks plain HTTP needs --insecure)";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private InputException unreachable(long start, String why) {
        double secs = (System.nanoTime() - start) / 1e9;
        return new InputException(String.format(Locale.ROOT, "registry %s unreachable after %.0fs (%s; timeout %ds)",
                registry, Math.max(1, Math.rint(secs)), why, timeout.toSeconds()));
    }

    /** 250 ms, 500 ms, 1 s, 2 s, ... */
    private static long backoff(int attempt) {
        return 250L << Math.min(attempt - 1, 6);
    }

    private static long retryAfter(HttpHeaders h) {
        Optional<String> v = h.firstValue("Retry-After");
        if (v.isPresent()) {
            try {
                return Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(v.get().trim()) * 1000);
            } catch (NumberFormatException e) {
                return 0; // an HTTP date: the exponential backoff will do
            }
        }
        return 0;
    }

    private void pause(long millis) throws IOException {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    private Raw sendFollowingRedirects(URI uri, String method, List<String> accept, String form, String auth, String what)
            throws IOException {
        URI origin = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "drydock");
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                b.version(HttpClient.Version.HTTP_1_1);
            }
            if (!accept.isEmpty()) {
                b.header("Accept", String.join(", ", accept));
            }
            // the login goes only where it was meant for: the same scheme, host and port
            if (auth != null && sameOrigin(origin, uri)) {
                b.header("Authorization", auth);
            }
            if (form != null) {
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<java.util.concurrent.Flow.Publisher<List<java.nio.ByteBuffer>>> resp;
            try {
                resp = http.send(b.build(), HttpResponse.BodyHandlers.ofPublisher());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            BodyStream body = new BodyStream(timeout, what);
            resp.body().subscribe(body);
            int s = resp.statusCode();
            Optional<String> location = resp.headers().firstValue("Location");
            if ((s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && location.isPresent()) {
                body.close();
                if (hop >= MAX_REDIRECTS) {
                    throw new InputException(what + ": registry " + registry + ": more than " + MAX_REDIRECTS + " redirects");
                }
                URI next = uri.resolve(location.get());
                if ("http".equalsIgnoreCase(next.getScheme()) && "https".equalsIgnoreCase(uri.getScheme()) && !insecure) {
                    throw new InputException(what + ": registry " + registry + " redirected from HTTPS to plain HTTP ("
                            + next.getHost() + "); allowed only with --insecure");
                }
                uri = next;
                if (s == 303) {
                    form = null;
                    method = "GET";
                }
                continue;
            }
            return new Raw(s, resp.headers(), body);
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
    }
}
