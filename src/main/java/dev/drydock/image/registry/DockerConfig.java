package dev.drydock.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.ImageJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials the way {@code docker login} leaves them: {@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}, looked up as the Docker CLI does (github.com/docker/cli {@code cli/config/configfile}):
 * a per-registry {@code credHelpers} entry first, then the {@code credsStore}, then the {@code auths} map (base64
 * {@code auth} of user:password, or {@code username}/{@code password}, or {@code identitytoken}). Helpers are the
 * {@code docker-credential-NAME} programs on PATH, spoken to as in github.com/docker/docker-credential-helpers: argument
 * {@code get}, the server URL on stdin, {@code {"Username":..,"Secret":..}} on stdout.
 */
final class DockerConfig {

    /** The key Docker Hub credentials are stored under. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final long HELPER_TIMEOUT_SECONDS = 30;

    private final Path file;
    private final Map<String, String> env;

    private DockerConfig(Path file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    static DockerConfig of(Map<String, String> env, String userHome) {
        String dir = env.get("DOCKER_CONFIG");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(userHome == null ? "/" : userHome, ".docker");
        return new DockerConfig(base.resolve("config.json"), env);
    }

    Path file() {
        return file;
    }

    /**
     * @param registry as in {@link dev.drydock.image.ImageReference#registry()}: {@code docker.io} for Docker Hub
     */
    Optional<Credentials> lookup(String registry) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = ImageJson.parse(ImageJson.readBounded(Files.newInputStream(file), 4 << 20, file.toString()), JsonNode.class,
                    file.toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        String host = normalise(registry);
        String helper = findHelper(root.path("credHelpers"), host);
        if (helper != null) {
            return fromHelper(helper, registry);
        }
        String store = root.path("credsStore").asText("");
        if (!store.isEmpty()) {
            Optional<Credentials> c = fromHelper(store, registry);
            if (c.isPresent()) {
                return c;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("auths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (normalise(e.getKey()).equals(host)) {
                return fromAuthsEntry(e.getKey(), e.getValue());
            }
        }
        return Optional.empty();
    }

    private static String findHelper(JsonNode helpers, String host) {
        for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (normalise(e.getKey()).equals(host)) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private Optional<Credentials> fromAuthsEntry(String key, JsonNode n) {
        String from = file + " (auths." + key + ")";
        String token = n.path("identitytoken").asText("");
        if (!token.isEmpty()) {
            return Optional.of(Credentials.identityToken(token, from));
        }
        String auth = n.path("auth").asText("");
        if (!auth.isEmpty()) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InputException(from + ": 'auth' is not base64 of user:password");
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new InputException(from + ": 'auth' is not base64 of user:password");
            }
            return Optional.of(Credentials.basic(pair.substring(0, colon), pair.substring(colon + 1), from));
        }
        String user = n.path("username").asText("");
        if (!user.isEmpty()) {
            return Optional.of(Credentials.basic(user, n.path("password").asText(""), from));
        }
        return Optional.empty(); // an empty entry: credentials live in the credsStore, which had none
    }

    private Optional<Credentials> fromHelper(String helper, String registry) {
        String program = "docker-credential-" + helper;
        Path exe = onPath(program);
        String from = program + " (named in " + file + ")";
        if (exe == null) {
            throw new InputException(file + " names the credential helper '" + helper + "', but " + program
                    + " is not on PATH");
        }
        String server = normalise(registry).equals("docker.io") ? DOCKER_HUB_KEY : registry;
        try {
            ProcessBuilder pb = new ProcessBuilder(exe.toString(), "get");
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readNBytes(1 << 20);
            byte[] err = p.getErrorStream().readNBytes(4096);
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException(from + ": did not answer within " + HELPER_TIMEOUT_SECONDS + "s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                if (text.contains("credentials not found") || new String(err, StandardCharsets.UTF_8).contains("credentials not found")) {
                    return Optional.empty();
                }
                // the helper's own words, which name no secret (it failed to find one), cut short
                String why = (text.isEmpty() ? new String(err, StandardCharsets.UTF_8).trim() : text).lines().findFirst().orElse("");
                throw new InputException(from + ": 'get' for " + server + " failed (exit " + p.exitValue() + "): "
                        + why.substring(0, Math.min(200, why.length())));
            }
            JsonNode n = ImageJson.parse(out, JsonNode.class, from);
            String user = n.path("Username").asText("");
            String secret = n.path("Secret").asText("");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(user.equals("<token>") ? Credentials.identityToken(secret, from)
                    : Credentials.basic(user, secret, from));
        } catch (IOException e) {
            throw new InputException(from + ": cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(from + ": interrupted");
        }
    }

    private Path onPath(String program) {
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program);
            }
        }
        return null;
    }

    /**
     * The host a config key or registry names: scheme and path dropped; Docker Hub's many names (
     * {@code https://index.docker.io/v1/}, {@code index.docker.io}, {@code registry-1.docker.io}) become {@code docker.io}.
     */
    static String normalise(String key) {
        String k = key.trim();
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        k = k.toLowerCase(java.util.Locale.ROOT);
        if (k.equals("index.docker.io") || k.equals("registry-1.docker.io") || k.equals("registry.hub.docker.com")) {
            return "docker.io";
        }
        return k;
    }
}
