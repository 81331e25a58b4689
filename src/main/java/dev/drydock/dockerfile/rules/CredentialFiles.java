package dev.drydock.dockerfile.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files that hold credentials once written into an image ({@code ~/.npmrc}, {@code ~/.ssh/id_rsa},
 * {@code ~/.docker/config.json}…), and how two spellings of a path in a Dockerfile may name the same file.
 */
final class CredentialFiles {

    private static final Set<String> NAMES = Set.of(".netrc", "_netrc", ".npmrc", ".pypirc", ".git-credentials",
            "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "credentials.json",
            ".pgpass", ".my.cnf", ".vault-token");
    private static final Pattern CERT_OR_KEY = Pattern.compile("\\.(pem|jks|keystore)$");
    private static final Pattern KEY = Pattern.compile("\\.(key|p12|pfx)$");
    private static final Pattern PUBLIC_KEY = Pattern.compile("(^|[._-])(pub|public)([._-]|$)");
    /** Public material that shares those suffixes: {@code ca.pem}, {@code fullchain.pem}, {@code server-cert.pem}. */
    private static final Pattern PUBLIC = Pattern.compile("(^|[._-])(ca|cacert|cert|certs|certificate|chain|fullchain"
            + "|bundle|root|rootca|pub|public|truststore)([._-]|$)");
    private static final String[] PATHS = {".docker/config.json", ".aws/credentials", ".aws/config",
            ".composer/auth.json", ".gem/credentials", ".kube/config", ".config/gh/hosts.yml"};

    private CredentialFiles() {
    }

    /**
     * Whether the path (any spelling: {@code ~/.npmrc}, {@code /root/.ssh/id_rsa}, {@code tls.key}) is a
     * credential file.
     */
    static boolean credential(String path) {
        String p = normalise(path).toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (NAMES.contains(name)) {
            return true;
        }
        for (String suffix : PATHS) {
            if (p.equals(suffix) || p.endsWith("/" + suffix)) {
                return true;
            }
        }
        String stem = name.replaceAll("\\.[a-z0-9]+$", "");
        if (CERT_OR_KEY.matcher(name).find()) { // a .pem is as often a certificate as a key
            if (stem.contains("priv") || stem.contains("key")) {
                return true;
            }
            for (String part : p.split("/")) {
                if (PUBLIC.matcher(part.equals(name) ? stem : part).find()) {
                    return false;
                }
            }
            return true;
        }
        return KEY.matcher(name).find() && !PUBLIC_KEY.matcher(stem).find();
    }

    /**
     * Whether removing {@code removed} (an {@code rm} operand, globs allowed) removes {@code written}: the same
     * path, a directory above it, or the same file name where one of the two is relative to an unknown WORKDIR.
     */
    static boolean removes(String removed, String written) {
        String r = trimSlash(normalise(removed));
        String w = trimSlash(normalise(written));
        if (r.isEmpty()) {
            return false;
        }
        if (r.contains("*") || r.contains("?")) {
            Pattern glob = Pattern.compile(globToRegex(r));
            for (String candidate = w; !candidate.isEmpty(); candidate = parent(candidate)) {
                if (glob.matcher(candidate).matches() || glob.matcher(name(candidate)).matches() && !r.contains("/")) {
                    return true;
                }
            }
            return false;
        }
        if (w.equals(r) || w.startsWith(r + "/")) {
            return true;
        }
        boolean relative = !r.startsWith("/") && !r.startsWith("~") || !w.startsWith("/") && !w.startsWith("~");
        return relative && (name(w).equals(name(r)) || w.endsWith("/" + r) || r.endsWith("/" + w));
    }

    /** {@code $HOME/x}, {@code ${HOME}/x} and {@code /root/x} as {@code ~/x} (build steps usually run as root). */
    static String normalise(String path) {
        String p = path.trim();
        for (String home : new String[] {"${HOME}", "$HOME", "/root"}) {
            if (p.equals(home) || p.startsWith(home + "/")) {
                return "~" + p.substring(home.length());
            }
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    static String name(String path) {
        String p = trimSlash(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String trimSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
