package dev.drydock.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235 section 4.1): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"}
 * as the token flow of github.com/distribution/distribution {@code docs/spec/auth/token.md} sends it.
 */
record Challenge(String scheme, Map<String, String> params) {

    Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    String param(String name) {
        return params.get(name);
    }

    /** Parses every challenge in the header values (one header may carry several); unparseable text is skipped. */
    static List<Challenge> parse(List<String> headers) {
        List<Challenge> out = new ArrayList<>();
        for (String h : headers) {
            parseOne(h, out);
        }
        return out;
    }

    private static void parseOne(String h, List<Challenge> out) {
        int i = 0;
        int n = h.length();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (i < n) {
            while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && h.charAt(i) != ' ' && h.charAt(i) != '=' && h.charAt(i) != ',') {
                i++;
            }
            String token = h.substring(start, i);
            if (token.isEmpty()) {
                break;
            }
            int j = i;
            while (j < n && h.charAt(j) == ' ') {
                j++;
            }
            if (j < n && h.charAt(j) == '=' && scheme != null) {
                i = j + 1;
                while (i < n && h.charAt(i) == ' ') {
                    i++;
                }
                StringBuilder value = new StringBuilder();
                if (i < n && h.charAt(i) == '"') {
                    i++;
                    while (i < n && h.charAt(i) != '"') {
                        if (h.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(h.charAt(i++));
                    }
                    i++;
                } else {
                    while (i < n && h.charAt(i) != ',' && h.charAt(i) != ' ') {
                        value.append(h.charAt(i++));
                    }
                }
                params.put(token.toLowerCase(Locale.ROOT), value.toString());
            } else {
                if (scheme != null) {
                    out.add(new Challenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
            }
        }
        if (scheme != null) {
            out.add(new Challenge(scheme, params));
        }
    }
}
