package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variables, flags and configuration settings that switch off TLS certificate checks or package
 * signature checks, each with a sentence saying what it disables (DD0013). Sources: curl(1), wget(1), dnf.conf(5),
 * rpm(8), apt.conf(5), sources.list(5), apk(8), pip, npm-config, git-config(1), Node.js and Python docs, go help
 * environment.
 */
final class VerificationBypass {

    private VerificationBypass() {
    }

    private static final Set<String> FALSE = Set.of("0", "false", "no", "off");
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> RPM_TOOLS = Set.of("yum", "dnf", "microdnf", "tdnf", "yum-config-manager");
    private static final Set<String> APT_TOOLS = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> ENV_SETTERS = Set.of("export", "declare", "typeset", "readonly", "env");
    private static final Set<String> PUBLIC_MODULE_HOSTS = Set.of("*", "github.com", "gitlab.com", "bitbucket.org",
            "golang.org", "go.googlesource.com");
    private static final Pattern TRUSTED_SOURCE = Pattern.compile("\\[[^\\]]*\\btrusted=yes\\b[^\\]]*\\]");
    private static final Pattern APT_ALLOW = Pattern.compile(
            "(AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)\"?\\s*[= ]?\\s*\"?(true|1|yes)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APT_VERIFY = Pattern.compile("(Verify-Peer|Verify-Host)\"?\\s*[= ]?\\s*\"?(false|0|no)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GIT_SSL_VERIFY = Pattern.compile("http\\.(.+\\.)?sslverify", Pattern.CASE_INSENSITIVE);

    /** What giving environment variable {@code name} the value {@code value} disables, if anything. */
    static Optional<String> env(String name, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        String what = switch (name.toUpperCase(Locale.ROOT)) {
            case "NODE_TLS_REJECT_UNAUTHORIZED" -> v.equals("0") ? "makes Node.js accept any TLS certificate" : null;
            case "PYTHONHTTPSVERIFY" -> v.equals("0") ? "turns off certificate verification in Python's HTTPS client" : null;
            case "GIT_SSL_NO_VERIFY" -> "makes git skip TLS certificate verification (any value does)";
            case "NPM_CONFIG_STRICT_SSL" -> FALSE.contains(v) ? "makes npm accept any registry certificate" : null;
            case "YARN_ENABLE_STRICT_SSL" -> FALSE.contains(v) ? "makes Yarn accept any registry certificate" : null;
            case "PIP_TRUSTED_HOST" -> v.isEmpty() ? null : "makes pip trust " + value + " without a valid certificate";
            case "GOINSECURE" -> v.isEmpty() ? null : "makes go fetch modules matching " + value
                    + " over plain HTTP and without certificate checks";
            case "GOSUMDB" -> v.equals("off") ? "turns off go's checksum database verification of modules" : null;
            case "GONOSUMDB" -> List.of(v.split(",")).stream().map(String::trim).anyMatch(PUBLIC_MODULE_HOSTS::contains)
                    ? "skips go's checksum database for public modules (" + value + ")" : null;
            case "GOFLAGS" -> v.contains("-insecure") ? "makes go get accept insecure schemes and certificates" : null;
            default -> null;
        };
        return Optional.ofNullable(what).map(w -> name + "=" + value + " " + w);
    }

    /** What this command's flags, options or written configuration disable; one sentence each. */
    static List<String> command(ShellCommand c) {
        List<String> found = new ArrayList<>();
        List<String> args = c.args();
        String name = c.name();
        if (c.is("curl") && c.hasFlag("-k", "--insecure")) {
            found.add("curl -k/--insecure skips TLS certificate verification of the download");
        }
        if (c.is("wget") && c.hasFlag("--no-check-certificate")) {
            found.add("wget --no-check-certificate skips TLS certificate verification of the download");
        }
        if (RPM_TOOLS.contains(name) || name.equals("rpm")) {
            flags(c, found, "--nogpgcheck", "skips GPG signature checks of the packages it installs");
            setopts(c, found);
        }
        if (c.is("rpm")) {
            flags(c, found, "--nosignature", "skips package signature checks");
            flags(c, found, "--nodigest", "skips package digest checks");
            flags(c, found, "--noverify", "skips package digest and signature checks");
        }
        if (c.is("zypper")) {
            flags(c, found, "--no-gpg-checks", "installs packages whose signatures do not verify");
        }
        if (APT_TOOLS.contains(name)) {
            flags(c, found, "--allow-unauthenticated", "installs packages that are not signed by a trusted key");
            flags(c, found, "--allow-insecure-repositories", "accepts repositories without a valid signature");
            flags(c, found, "--force-yes", "installs unauthenticated packages and allows downgrades");
            for (String option : optionValues(c, "-o", "--option")) {
                if (APT_ALLOW.matcher(option).find() || APT_VERIFY.matcher(option).find()) {
                    found.add(name + " -o " + option + " turns off repository signature or certificate checks");
                }
            }
        }
        if (c.is("echo", "printf")) {
            String text = String.join(" ", args);
            if (TRUSTED_SOURCE.matcher(text).find()) {
                found.add("an apt sources line with [trusted=yes] makes apt accept the repository unsigned");
            }
            Matcher allow = APT_ALLOW.matcher(text);
            Matcher verify = APT_VERIFY.matcher(text);
            String key = allow.find() ? allow.group(1) : verify.find() ? verify.group(1) : null;
            if (key != null) {
                found.add("apt configuration " + key
                        + " written here turns off repository signature or certificate checks");
            }
        }
        if (c.is("apk")) {
            flags(c, found, "--allow-untrusted", "installs packages without a trusted signature");
        }
        if (PipCommand.is(c)) {
            if (c.hasFlag("--trusted-host")) {
                found.add("pip --trusted-host makes pip accept that host over plain HTTP or with any certificate");
            }
            if (args.contains("config") && args.stream().anyMatch(a -> a.endsWith("trusted-host"))) {
                found.add("pip config set …trusted-host makes pip accept that host over plain HTTP or with any "
                        + "certificate");
            }
        }
        if (c.is("npm", "pnpm", "yarn")) {
            strictSsl(c, found);
        }
        if (c.is("git")) {
            gitSslVerify(c, args, found);
        }
        if (ENV_SETTERS.contains(name) || c.is("go") && args.size() > 1 && args.get(0).equals("env")) {
            for (String a : args) {
                int eq = a.indexOf('=');
                if (eq > 0 && !a.startsWith("-")) {
                    env(a.substring(0, eq), a.substring(eq + 1)).ifPresent(found::add);
                }
            }
        }
        if (c.is("go") && args.contains("get") && c.hasFlag("-insecure")) {
            found.add("go get -insecure fetches modules over plain HTTP and without certificate checks");
        }
        return found;
    }

    private static void flags(ShellCommand c, List<String> found, String flag, String what) {
        if (c.hasFlag(flag)) {
            found.add(c.name() + " " + flag + " " + what);
        }
    }

    /** dnf.conf(5) options given with {@code --setopt}: {@code sslverify=0}, {@code gpgcheck=0} (also per repo). */
    private static void setopts(ShellCommand c, List<String> found) {
        for (String opt : optionValues(c, "--setopt")) {
            int eq = opt.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = opt.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = opt.substring(eq + 1).toLowerCase(Locale.ROOT);
            if ((key.endsWith("sslverify") || key.endsWith("gpgcheck")) && FALSE.contains(value)) {
                found.add(c.name() + " --setopt=" + opt + " turns off "
                        + (key.endsWith("sslverify") ? "TLS certificate" : "package signature") + " checks");
            }
        }
    }

    private static void strictSsl(ShellCommand c, List<String> found) {
        List<String> args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k).toLowerCase(Locale.ROOT);
            String next = k + 1 < args.size() ? args.get(k + 1).toLowerCase(Locale.ROOT) : "";
            boolean off = a.equals("--no-strict-ssl") || a.equals("--strict-ssl=false")
                    || a.equals("strict-ssl=false") || a.equals("enablestrictssl=false")
                    || (a.equals("--strict-ssl") || a.equals("strict-ssl") || a.equals("enablestrictssl"))
                    && next.equals("false");
            if (off) {
                found.add(c.name() + " strict-ssl false makes " + c.name() + " accept any registry certificate");
                return;
            }
        }
    }

    private static void gitSslVerify(ShellCommand c, List<String> args, List<String> found) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (!GIT_SSL_VERIFY.matcher(key).matches()) {
                continue;
            }
            String value = eq >= 0 ? a.substring(eq + 1) : k + 1 < args.size() ? args.get(k + 1) : "";
            if (FALSE.contains(value.toLowerCase(Locale.ROOT))) {
                found.add("git " + key + "=" + value + " makes git skip TLS certificate verification");
                return;
            }
        }
    }

    /**
     * Every value of an option that may repeat: {@code -o X}, {@code -oX}, {@code --option X}, {@code --option=X},
     * and a short option ending a cluster ({@code -fsSLu X}).
     */
    static List<String> optionValues(ShellCommand c, String... names) {
        List<String> out = new ArrayList<>();
        List<String> args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            for (String n : names) {
                if (a.equals(n) && k + 1 < args.size()) {
                    out.add(args.get(++k));
                    break;
                } else if (a.startsWith(n + "=")) {
                    out.add(a.substring(n.length() + 1));
                } else if (n.length() == 2 && a.startsWith(n) && a.length() > 2 && !a.startsWith("--")) {
                    out.add(a.substring(2));
                } else if (n.length() == 2 && a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-'
                        && a.charAt(a.length() - 1) == n.charAt(1) && k + 1 < args.size()) {
                    out.add(args.get(++k)); // -qr FILE: the last letter of a cluster takes the next word
                    break;
                }
            }
        }
        return out;
    }

    static boolean truthy(String v) {
        return v != null && TRUE.contains(v.trim().toLowerCase(Locale.ROOT));
    }
}
