package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal password or token on a RUN command line: the command-specific checks below (curl -u, docker login -p,
 * mysql -p, URLs with a password, npm config set, {@code TOKEN=value}), then the image secret scanner's provider rules
 * over the command's words ({@link SecretPatterns#providerSecret}: a GitHub, Stripe or AWS credential anywhere on the
 * line), reported with the secret rule's id.
 */
final class DD0022 extends InstructionRule {

    private static final Pattern URL_CREDENTIALS = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://([^/@:\\s]+):([^/@\\s]+)@");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)(authorization|private-token|job-token|x-api-key|x-auth-token)\\s*:\\s*(?:(?:bearer|basic|token)\\s+)?(.+)");
    /** A URL whose user name is itself a token: {@code https://ghp_…@github.com/…}. */
    private static final Pattern URL_TOKEN_USER = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://([^/@:\\s]+)@");
    /** Well-known token formats (GitHub, GitLab, npm, PyPI, Slack, AWS access key ids). */
    private static final Pattern KNOWN_TOKEN = Pattern.compile(
            "(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\\w{20,}|glpat-[\\w-]{20,}|npm_[A-Za-z0-9]{20,}"
                    + "|pypi-[\\w-]{20,}|xox[abpr]-[\\w-]{10,}|AKIA[0-9A-Z]{16})");
    /** Variables whose names say they hold a credential. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|token|secret|api_?key).*");
    /** ... but not those naming where the secret is, or a switch ({@code PASSWORD_FILE}, {@code SKIP_TOKEN=1}). */
    private static final Pattern NOT_SECRET = Pattern.compile(
            "(?i).*_(file|path|dir|url|uri|endpoint|length|ttl|id)=.*|.*=(/.*|true|false|yes|no|0|1)");
    private static final Pattern REFERENCE = Pattern.compile("(\\$\\{[^}]*\\}|\\$\\w+|\\$\\([^)]*\\)|`[^`]*`)+");
    private static final Set<String> LOGIN_TOOLS = Set.of("docker", "podman", "buildah", "skopeo", "helm", "nerdctl");
    private static final Set<String> MYSQL = Set.of("mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump");
    private static final Pattern NPM_AUTH = Pattern.compile("(?i).*(_authtoken|_auth|_password|npmauthtoken)");

    static final RuleInfo INFO = new RuleInfo("DD0022", Severity.WARNING,
            "Do not put passwords or tokens on a RUN command line",
            "The text of every RUN is stored in the image history (`docker history --no-trunc` shows it to anyone "
                    + "who can pull the image), in build logs and in the build cache. A password in `curl -u`, "
                    + "`docker login -p`, `mysql -p…` or a URL like `https://user:token@host` is therefore "
                    + "published with the image, even when the command itself leaves nothing on disk.",
            "Mount the secret for the one step that needs it: `RUN --mount=type=secret,id=token "
                    + "curl -u \"user:$(cat /run/secrets/token)\" …` (build with `--secret id=token,src=…`), or "
                    + "use the tool's stdin/file options (`--password-stdin`, `--netrc-file`).",
            List.of(),
            "RUN curl -fsSL -u deploy:s3cr3tPassw0rd https://repo.example.com/app.tar.gz -o /tmp/app.tar.gz\n",
            "RUN --mount=type=secret,id=repo_password curl -fsSL -u \"deploy:$(cat /run/secrets/repo_password)\" "
                    + "https://repo.example.com/app.tar.gz -o /tmp/app.tar.gz\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected void check(Instruction i, LintContext ctx, Violations out) {
        if (!i.is("RUN") || !ctx.posixShell(i)) {
            return;
        }
        Found found = new Found();
        for (ShellCommand c : ctx.shell(i).commands()) {
            String name = c.name();
            for (String arg : c.args()) {
                Matcher m = URL_CREDENTIALS.matcher(arg);
                while (m.find()) {
                    secret(found, m.group(2), "a URL in " + name + " carries the password of user '" + m.group(1) + "'");
                }
                Matcher t = URL_TOKEN_USER.matcher(arg);
                while (t.find()) {
                    if (KNOWN_TOKEN.matcher(t.group(1)).matches()) {
                        secret(found, t.group(1), "a URL in " + name + " carries a token as its user name");
                    }
                }
            }
            c.assignments().forEach((key, value) -> assigned(found, key, value));
            if (c.is("export")) {
                for (String a : c.args()) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        assigned(found, a.substring(0, eq), a.substring(eq + 1));
                    }
                }
            }
            if (c.is("curl")) {
                for (String user : VerificationBypass.optionValues(c, "-u", "--user", "-U", "--proxy-user")) {
                    int colon = user.indexOf(':');
                    if (colon >= 0) {
                        secret(found, user.substring(colon + 1), "curl -u passes the password of user '"
                                + user.substring(0, colon) + "'");
                    }
                }
                for (String header : VerificationBypass.optionValues(c, "-H", "--header")) {
                    Matcher m = AUTH_HEADER.matcher(header);
                    if (m.find()) {
                        secret(found, m.group(2), "curl sends a literal " + m.group(1) + " header");
                    }
                }
            }
            if (c.is("wget")) {
                for (String p : VerificationBypass.optionValues(c, "--password", "--http-password",
                        "--ftp-password", "--proxy-password")) {
                    secret(found, p, "wget gets a password on the command line");
                }
            }
            if (LOGIN_TOOLS.contains(name) && c.args().contains("login")) {
                VerificationBypass.optionValues(c, "-p", "--password")
                        .forEach(p -> secret(found, p, name + " login -p passes the registry password"));
            }
            if (MYSQL.contains(name)) {
                for (String a : c.args()) {
                    String p = a.startsWith("--password=") ? a.substring(11)
                            : a.startsWith("-p") && !a.startsWith("--") ? a.substring(2) : "";
                    secret(found, p, name + " -p passes the database password");
                }
            }
            if (c.is("sshpass")) {
                VerificationBypass.optionValues(c, "-p").forEach(p -> secret(found, p, "sshpass -p passes the SSH password"));
            }
            if (c.is("npm", "yarn", "pnpm") && c.args().contains("set")) {
                npmAuth(c, found);
            }
            providers(c, found);
        }
        found.messages.forEach(msg -> out.report(i, msg));
    }

    /** Messages (a wrapped command repeats its wrapper's words, so a set) and the raw values they report. */
    private static final class Found {
        final Set<String> messages = new LinkedHashSet<>();
        final List<String> values = new java.util.ArrayList<>();
    }

    /**
     * Provider credentials the checks above did not report. The command's words and assignment values go to the
     * scanner as one text, a word per line, so one scan covers the command and a hit's line names its word.
     */
    private static void providers(ShellCommand c, Found found) {
        List<String> words = new java.util.ArrayList<>(c.args());
        words.addAll(c.assignments().values());
        words.replaceAll(w -> w.replace('\n', ' '));
        if (words.isEmpty()) {
            return;
        }
        String text = String.join("\n", words);
        if (text.length() < 12) {
            return;
        }
        for (dev.drydock.secret.SecretHit h : dev.drydock.secret.SecretScanner.builtIn().scanText("", text)) {
            dev.drydock.secret.SecretRule r = dev.drydock.secret.SecretScanner.builtIn().rules().rule(h.rule());
            if (r == null || r.fallback() || h.line() > words.size()) {
                continue;
            }
            String word = words.get(h.line() - 1);
            String prefix = h.match().replace("****", "");
            if (found.values.stream().anyMatch(v -> word.contains(v) || (!prefix.isEmpty() && v.startsWith(prefix)))) {
                continue;
            }
            found.values.add(word);
            found.messages.add((c.name() == null ? "the command" : c.name()) + " gets " + SecretPatterns.describe(h)
                    + " (" + h.match() + ") in the image history; mount it with --mount=type=secret");
        }
    }

    private static void npmAuth(ShellCommand c, Found found) {
        List<String> args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            int eq = a.indexOf('=');
            String key = eq > 0 ? a.substring(0, eq) : a;
            if (NPM_AUTH.matcher(key).matches()) {
                String value = eq > 0 ? a.substring(eq + 1) : k + 1 < args.size() ? args.get(k + 1) : "";
                secret(found, value, c.name() + " config set " + key + " writes a registry token");
            }
        }
    }

    /** {@code TOKEN=value} on the command line: a secret when the name says so or the value is a known token. */
    private static void assigned(Found found, String key, String value) {
        if (SECRET_NAME.matcher(key).matches() && !NOT_SECRET.matcher(key + "=" + value).matches()
                || KNOWN_TOKEN.matcher(value).matches()) {
            secret(found, value, key + " is set to a literal value");
        }
    }

    /** Adds the finding unless the value is empty or only variable references; the value is redacted. */
    private static void secret(Found found, String rawValue, String what) {
        String value = rawValue.strip();
        if (value.isEmpty() || REFERENCE.matcher(value).matches()) {
            return;
        }
        found.values.add(value);
        found.messages.add(what + " (" + redact(value) + ") in the image history; mount it with --mount=type=secret");
    }

    /** At most the first 3 characters, fewer for short values, then {@code ****}. */
    static String redact(String secret) {
        return secret.substring(0, Math.min(3, secret.length() / 3)) + "****";
    }
}
