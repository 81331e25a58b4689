package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two or more users with the same uid in {@code /etc/passwd}, or groups with the same gid in {@code /etc/group}: a
 * second name for an existing account, the classic way to hide a second root account.
 */
final class DI0021 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0021", Severity.MEDIUM, CheckInfo.FILESYSTEM,
            "Duplicate uid or gid",
            "Users that share a uid are one account with several names: whatever one name may do, the other may too, "
                    + "and logs and file listings show only one of them. A second uid-0 user is a hidden root account; "
                    + "shared gids leak group permissions the same way.",
            "Give every user its own uid and every group its own gid (`useradd --uid`, `groupadd --gid` with unused "
                    + "numbers), and delete accounts that are aliases of others.",
            List.of("DKL-LI-0002"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        List<Finding> out = new ArrayList<>();
        duplicates(in, out, "etc/passwd", "uid", in.accounts().passwd());
        duplicates(in, out, "etc/group", "gid", in.accounts().group());
        return out;
    }

    private static void duplicates(CheckInput in, List<Finding> out, String file, String what, List<Account> accounts) {
        Map<String, List<Account>> byId = new TreeMap<>();
        for (Account a : accounts) {
            if (a.id() != null && !a.id().isEmpty()) {
                byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
            }
        }
        for (Map.Entry<String, List<Account>> e : byId.entrySet()) {
            List<Account> same = e.getValue();
            if (same.size() < 2) {
                continue;
            }
            List<String> names = same.stream().map(a -> a.name() + " (line " + a.line() + ")").toList();
            Finding.Location at = Owners.location(in, file);
            out.add(INFO.finding(e.getKey().equals("0") && what.equals("uid") ? Severity.HIGH : INFO.severity(),
                    INFO.aliases(), "Duplicate " + what + " " + e.getKey() + " in /" + file + ": "
                            + String.join(", ", same.stream().map(Account::name).toList()),
                    "/" + file + " gives " + what + " " + e.getKey() + " to " + String.join(", ", names) + ".",
                    new Finding.Location(at.path(), same.get(1).line(), null, at.layerIndex(), at.layerDiffId(), null,
                            null)));
        }
    }
}
