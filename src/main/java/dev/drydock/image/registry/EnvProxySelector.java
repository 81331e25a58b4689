package dev.drydock.image.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the environment, as curl and Go's {@code net/http.ProxyFromEnvironment} read them: {@code HTTPS_PROXY}
 * for https URLs, {@code HTTP_PROXY} for http ones (upper or lower case), and {@code NO_PROXY}, a comma-separated list
 * of hosts, domain suffixes ({@code .example.com} or {@code example.com}), {@code host:port}, or {@code *}. Proxy URLs
 * may omit the scheme; credentials in them ({@code user:pass@}) are not supported (java.net.http would need a global
 * Authenticator), and are refused with a message by {@link #of}.
 */
final class EnvProxySelector extends ProxySelector {

    private final Proxy https;
    private final Proxy http;
    private final List<String> noProxy;

    private EnvProxySelector(Proxy https, Proxy http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    static EnvProxySelector of(Map<String, String> env) {
        return new EnvProxySelector(proxy(env, "HTTPS_PROXY"), proxy(env, "HTTP_PROXY"),
                List.of(get(env, "NO_PROXY").toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null ? "" : v.trim();
    }

    private static Proxy proxy(Map<String, String> env, String name) {
        String v = get(env, name);
        if (v.isEmpty()) {
            return null;
        }
        URI u = URI.create(v.contains("://") ? v : "http://" + v);
        if (u.getHost() == null) {
            throw new dev.drydock.DrydockException.InputException(name + " is not a proxy URL (expected http://HOST:PORT)");
        }
        if (u.getRawUserInfo() != null) {
            throw new dev.drydock.DrydockException.InputException(name + ": proxies that need a user and password are not"
                    + " supported; use a proxy that does not, or one on localhost that adds them");
        }
        int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
    }

    /** The proxy for this URL, or {@link Proxy#NO_PROXY}. */
    Proxy proxyFor(URI uri) {
        Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (p == null || bypassed(uri)) {
            return Proxy.NO_PROXY;
        }
        return p;
    }

    private boolean bypassed(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        for (String entry : noProxy) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            String e = entry;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon) {
                if (!e.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            if (e.startsWith("*.")) {
                e = e.substring(1);
            }
            String bare = e.startsWith(".") ? e.substring(1) : e;
            if (host.equals(bare) || host.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Proxy> select(URI uri) {
        return List.of(proxyFor(uri));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the next attempt asks again
    }
}
