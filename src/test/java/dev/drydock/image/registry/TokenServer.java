package dev.drydock.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The token server of github.com/distribution/distribution {@code docs/spec/auth/token.md}, on 127.0.0.1, for a real
 * {@code docker-registry} configured with {@code auth.token}: checks HTTP basic logins against its users (or lets anyone
 * pull repositories under {@code public/}), and answers with an RS256 JWT whose header carries the signing certificate
 * ({@code x5c}); the registry trusts it through {@code rootcertbundle}. Key and certificate come from
 * {@code openssl req -x509 -newkey rsa:2048 -nodes}.
 */
final class TokenServer implements AutoCloseable {

    static final String SERVICE = "drydock-test-registry";
    static final String ISSUER = "drydock-test-issuer";

    final HttpServer server;
    final Path cert;
    final List<String> queries = new CopyOnWriteArrayList<>();
    private final PrivateKey key;
    private final byte[] certDer;
    private final Map<String, String> users;

    TokenServer(Path dir, Map<String, String> users) throws Exception {
        this.users = users;
        Path keyFile = dir.resolve("token.key");
        cert = dir.resolve("token.crt");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=drydock-test-token-issuer")
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        try (InputStream in = Files.newInputStream(cert)) {
            certDer = ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getEncoded();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
            queries.add(URLDecoder.decode(query, StandardCharsets.UTF_8));
            String user = null;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                String pair = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                String u = pair.substring(0, colon);
                if (!pair.substring(colon + 1).equals(users.get(u))) {
                    send(ex, 401, "{\"details\":\"wrong username or password\"}");
                    return;
                }
                user = u;
            }
            ObjectMapper json = new ObjectMapper();
            ArrayNode access = json.createArrayNode();
            for (String param : query.split("&")) {
                if (!param.startsWith("scope=")) {
                    continue;
                }
                String[] s = URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8).split(":");
                if (s.length != 3 || !s[0].equals("repository")) {
                    continue;
                }
                if (user == null && !s[1].startsWith("public/")) {
                    continue; // anonymous: no access, and the registry will say so
                }
                ObjectNode a = access.addObject().put("type", "repository").put("name", s[1]);
                ArrayNode actions = a.putArray("actions");
                for (String action : s[2].split(",")) {
                    if (user != null || action.equals("pull")) {
                        actions.add(action);
                    }
                }
            }
            long now = System.currentTimeMillis() / 1000;
            ObjectNode header = json.createObjectNode().put("typ", "JWT").put("alg", "RS256");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(certDer));
            ObjectNode claims = json.createObjectNode().put("iss", ISSUER).put("sub", user == null ? "" : user)
                    .put("aud", SERVICE).put("exp", now + 300).put("nbf", now - 10).put("iat", now)
                    .put("jti", UUID.randomUUID().toString());
            claims.set("access", access);
            String signingInput = b64(json.writeValueAsBytes(header)) + "." + b64(json.writeValueAsBytes(claims));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(key);
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + b64(sig.sign());
            send(ex, 200, json.writeValueAsString(json.createObjectNode().put("token", token).put("expires_in", 300)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    List<String> scopes() {
        List<String> out = new ArrayList<>();
        queries.forEach(q -> out.add(q));
        return out;
    }
}
