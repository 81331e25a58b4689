package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts with a password hash in {@code /etc/shadow} (or, old style, in {@code /etc/passwd}), and accounts with an
 * empty password field, which log in (or {@code su}) without any password. The hash is never shown: only the user, the
 * line and the crypt scheme.
 */
final class DI0009 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0009", Severity.HIGH, CheckInfo.FILESYSTEM,
            "Account with a password hash or an empty password",
            "Every copy of the image carries the hashes in /etc/shadow: anyone who pulls it can crack them offline "
                    + "(and a password set at build time is often reused elsewhere). An empty password field lets any "
                    + "process become that user with `su` and no password at all. Container users need no password.",
            "Create users without a password (`useradd` / `adduser -D` leave it locked) and lock existing ones: "
                    + "`RUN passwd -l root` or `usermod -p '*' USER`. Never set a password with `chpasswd` in a "
                    + "Dockerfile.",
            List.of("CIS-DI-0010", "DKL-LI-0001"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        report(in, out, "etc/shadow", in.accounts().shadow());
        report(in, out, "etc/passwd", in.accounts().passwd());
        return out;
    }

    private static void report(CheckInput in, List<Finding> out, String file, List<Account> accounts) {
        for (Account a : accounts) {
            Finding.Location at = Owners.location(in, file);
            at = new Finding.Location(at.path(), a.line(), null, at.layerIndex(), at.layerDiffId(), null, null);
            if (a.hasHash()) {
                boolean locked = a.password() == Account.Password.LOCKED_HASH;
                out.add(INFO.finding(INFO.severity(), List.of("CIS-DI-0010"),
                        "Password hash for user " + a.name() + " in /" + file,
                        "/" + file + " line " + a.line() + " holds a " + a.scheme() + " password hash for user '"
                                + a.name() + "'" + (locked ? " (the account is locked, but the hash still ships)" : "")
                                + "; anyone with the image can try to crack it.", at));
            } else if (a.password() == Account.Password.EMPTY) {
                out.add(INFO.finding(Severity.CRITICAL, List.of("DKL-LI-0001"),
                        "Empty password for user " + a.name() + " in /" + file,
                        "/" + file + " line " + a.line() + " gives user '" + a.name() + "' an empty password: "
                                + "anyone can log in or `su " + a.name() + "` without one.", at));
            }
        }
    }
}
