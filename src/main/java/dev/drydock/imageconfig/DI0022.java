package dev.drydock.imageconfig;

import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Files whose name says they hold credentials ({@code .netrc}, {@code .npmrc}, {@code .git-credentials},
 * {@code .docker/config.json}, {@code .aws/credentials}, {@code .kube/config}...), found by name as Dockle does; the
 * secret engine judges their contents separately. SSH keys are {@link DI0010}'s. Files an OS package installed are
 * left out: packages ship templates, not someone's login.
 */
final class DI0022 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0022", Severity.HIGH, CheckInfo.FILESYSTEM,
            "Credential file in the image",
            "Tools keep logins in well-known files: a registry token in .npmrc or .docker/config.json, cloud keys in "
                    + ".aws/credentials, a cluster certificate in .kube/config. Copied into an image (often with the "
                    + "whole home directory or build context), they reach everyone who can pull it, and deleting them in "
                    + "a later layer does not remove them from the earlier one (CIS Docker Benchmark 4.10).",
            "Keep credential files out of the build context (`.dockerignore`) and pass them to the build as secrets "
                    + "(`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`); revoke any that was pushed.",
            List.of("CIS-DI-0010"));

    static final Set<String> NAMES = Set.of(".netrc", "_netrc", ".npmrc", ".yarnrc.yml", ".pypirc", ".git-credentials",
            ".pgpass", ".my.cnf", ".vault-token", "credentials.json", "credential.json", "password.txt",
            "secret_token.rb", ".htpasswd", ".s3cfg", ".boto");
    /** Lower case, compared with the lower-cased path. */
    static final List<String> PATHS = List.of(".docker/config.json", ".aws/credentials", ".composer/auth.json",
            ".gem/credentials", ".kube/config", ".config/gh/hosts.yml", ".config/gcloud/credentials.db",
            ".config/gcloud/application_default_credentials.json", ".azure/accesstokens.json", ".m2/settings-security.xml",
            ".cargo/credentials", ".cargo/credentials.toml", ".terraform.d/credentials.tfrc.json");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<String> found = new ArrayList<>();
        for (MergedView.Owned o : in.view().files().values()) {
            if (Owners.isFile(o.info()) && credential(o.info().path())) {
                found.add(o.info().path());
            }
        }
        Owners owners = Owners.of(in, found);
        List<Finding> out = new ArrayList<>();
        for (String p : found) {
            if (!owners.get(p).isEmpty() || p.contains("/node_modules/") || p.startsWith("usr/share/")) {
                continue; // shipped by a package: a template or an example
            }
            out.add(INFO.finding("Credential file /" + p,
                    "/" + p + " (" + in.view().files().get(p).info().size() + " bytes) is where a tool keeps its login.",
                    Owners.location(in, p)));
        }
        return out;
    }

    static boolean credential(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.charAt(0) != '.' && name.indexOf("cred") < 0 && name.indexOf("config") < 0
                && name.indexOf("auth") < 0 && name.indexOf("pass") < 0 && name.indexOf("token") < 0
                && name.indexOf("hosts") < 0 && name.indexOf("settings") < 0 && name.indexOf('_') != 0) {
            return false; // cheap filter: every name and path below ends in such a name
        }
        String p = path.toLowerCase(Locale.ROOT);
        if (NAMES.contains(p.substring(p.lastIndexOf('/') + 1))) {
            return true;
        }
        for (String suffix : PATHS) {
            if (p.equals(suffix) || p.endsWith("/" + suffix)) {
                return true;
            }
        }
        return false;
    }
}
