package dev.drydock.imageconfig;

import dev.drydock.layer.MergedView;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SSH keys in the final filesystem, found by name (the secret engine judges file contents): sshd host private keys
 * ({@code /etc/ssh/ssh_host_*_key}), users' {@code authorized_keys}, and users' private keys ({@code ~/.ssh/id_*}).
 */
final class DI0010 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0010", Severity.HIGH, CheckInfo.FILESYSTEM,
            "SSH host key, authorized_keys or private key in the image",
            "An SSH host key baked into an image is shared by every container started from it and by everyone who "
                    + "pulls it, so any of them can impersonate the server. An authorized_keys file grants whoever holds "
                    + "the matching key a login; a private key grants its holder access elsewhere (CIS Docker "
                    + "Benchmark 4.10).",
            "Do not run sshd in containers (use `docker exec` / `kubectl exec`). If it must run, generate host keys at "
                    + "start (`ssh-keygen -A` in the entrypoint) and mount authorized_keys and private keys as secrets; "
                    + "delete them in the same RUN that created them (`rm /etc/ssh/ssh_host_*`, as the openssh-server "
                    + "package generates them on install).",
            List.of("CIS-DI-0010"));

    private static final Pattern HOST_KEY = Pattern.compile("etc/ssh/ssh_host_[a-z0-9]+_key");
    private static final Pattern AUTHORIZED = Pattern.compile("(?:.*/)?\\.ssh/authorized_keys2?");
    private static final Pattern PRIVATE = Pattern.compile("(?:.*/)?\\.ssh/id_(?:rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        for (MergedView.Owned o : in.view().files().values()) {
            if (!Owners.isFile(o.info())) {
                continue;
            }
            String p = o.info().path();
            if (!p.startsWith("etc/ssh/") && !p.contains(".ssh/")) {
                continue; // cheap filter before the patterns
            }
            if (HOST_KEY.matcher(p).matches()) {
                out.add(INFO.finding("SSH host private key /" + p,
                        "/" + p + " is an sshd host private key: every container of this image, and everyone who "
                                + "pulls it, has the same key.", Owners.location(in, p)));
            } else if (AUTHORIZED.matcher(p).matches()) {
                out.add(INFO.finding(Severity.MEDIUM, INFO.aliases(), "SSH authorized_keys /" + p,
                        "/" + p + " lets the holders of its keys log in to containers of this image that run sshd.",
                        Owners.location(in, p)));
            } else if (PRIVATE.matcher(p).matches()) {
                out.add(INFO.finding("SSH private key /" + p,
                        "/" + p + " is an SSH private key: anyone who pulls the image has it.", Owners.location(in, p)));
            }
        }
        return out;
    }
}
