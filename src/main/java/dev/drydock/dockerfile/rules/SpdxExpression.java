package dev.drydock.dockerfile.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPDX license expressions (SPDX specification, Annex D): {@code MIT}, {@code Apache-2.0 OR MIT},
 * {@code (MIT AND BSD-3-Clause) OR GPL-2.0-or-later}, {@code GPL-2.0-only WITH Classpath-exception-2.0},
 * {@code GPL-2.0+}, {@code LicenseRef-acme}. Ids are matched case-insensitively, operators only in upper case, as
 * the specification says. The known ids are in {@code spdx-licenses.txt} beside this class.
 */
final class SpdxExpression {

    private static final Set<String> LICENSES = new HashSet<>();
    private static final Set<String> EXCEPTIONS = new HashSet<>();
    private static final Pattern REF =
            Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");

    static {
        try (var in = SpdxExpression.class.getResourceAsStream("spdx-licenses.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String id = line.strip();
                if (id.isEmpty() || id.startsWith("#")) {
                    continue;
                }
                if (id.startsWith("exception:")) {
                    EXCEPTIONS.add(id.substring("exception:".length()).toLowerCase(Locale.ROOT));
                } else {
                    LICENSES.add(id.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spdx-licenses.txt", e);
        }
    }

    private final List<String> tokens;
    private int at;

    private SpdxExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    static boolean isValid(String expression) {
        List<String> tokens = tokenize(expression);
        if (tokens.isEmpty()) {
            return false;
        }
        SpdxExpression p = new SpdxExpression(tokens);
        return p.compound(0) && p.at == tokens.size();
    }

    /** compound := term (("AND" | "OR") term)* — precedence does not matter for validity. */
    private boolean compound(int depth) {
        if (depth > 50 || !term(depth)) {
            return false;
        }
        while (peek("AND") || peek("OR")) {
            at++;
            if (!term(depth)) {
                return false;
            }
        }
        return true;
    }

    /** term := "(" compound ")" | simple ["WITH" exception]. */
    private boolean term(int depth) {
        if (peek("(")) {
            at++;
            if (!compound(depth + 1) || !peek(")")) {
                return false;
            }
            at++;
            return true;
        }
        if (at >= tokens.size() || !isSimple(tokens.get(at))) {
            return false;
        }
        at++;
        if (peek("WITH")) {
            at++;
            if (at >= tokens.size() || !EXCEPTIONS.contains(tokens.get(at).toLowerCase(Locale.ROOT))) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static boolean isSimple(String token) {
        if (REF.matcher(token).matches()) {
            return true;
        }
        String id = token.toLowerCase(Locale.ROOT);
        return LICENSES.contains(id) || (id.endsWith("+") && LICENSES.contains(id.substring(0, id.length() - 1)));
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
