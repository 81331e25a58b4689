package dev.drydock.imageconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account databases, reduced to what the checks need; the hashes never leave the parser. */
class AccountsAnalyzerTest {

    @Test
    void classifiesPasswordFields() {
        // field -> what it is, scheme
        String[][] rows = {
                {"", "EMPTY", null},
                {"x", "SHADOWED", null},
                {"*", "LOCKED", null},
                {"!", "LOCKED", null},
                {"!!", "LOCKED", null},
                {"!*", "LOCKED", null},
                {ImageChecksTest.HASH, "HASH", "yescrypt"},
                {"!" + ImageChecksTest.HASH, "LOCKED_HASH", "yescrypt"},
                {"$6$rounds=5000$salt$" + "a".repeat(86), "HASH", "sha512crypt"},
                {"$1$salt$abcdefghijklmnopqrstuv", "HASH", "md5crypt"},
                {"$2b$12$" + "a".repeat(53), "HASH", "bcrypt"},
                {"abJnggxhB/yWI", "HASH", "descrypt"}, // 13 characters of the DES alphabet
                {"abJnggxhB/yW", "LOCKED", null},      // 12: no valid hash, nobody can log in
        };
        for (String[] r : rows) {
            assertThat(Account.classify(r[0]).name()).as(r[0]).isEqualTo(r[1]);
            assertThat(Account.scheme(r[0])).as(r[0]).isEqualTo(r[2]);
        }
    }

    @Test
    void parsesTheThreeDatabasesAndKeepsNoHash() throws Exception {
        AccountFile shadow = AccountsAnalyzer.parse(AccountFile.Kind.SHADOW,
                "# comment\nroot:*:20780:0:99999:7:::\napp:" + ImageChecksTest.HASH + ":20780:0:99999:7:::\nbroken\n+nis\n");
        assertThat(shadow.accounts()).extracting(Account::name, Account::line, Account::password)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("root", 2, Account.Password.LOCKED),
                        org.assertj.core.groups.Tuple.tuple("app", 3, Account.Password.HASH));
        assertThat(shadow.diagnostics()).containsExactly("/etc/shadow line 4: expected 2 ':'-separated fields");
        String json = new ObjectMapper().writeValueAsString(shadow);
        assertThat(json).doesNotContain("$y$").doesNotContain(ImageChecksTest.HASH.substring(8, 20)).contains("yescrypt");

        AccountFile passwd = AccountsAnalyzer.parse(AccountFile.Kind.PASSWD,
                "root:x:0:0:root:/root:/bin/bash\napp:x:10001:10001:App:/home/app:/usr/sbin/nologin\nshort:x:1\n");
        assertThat(passwd.accounts()).extracting(Account::name, Account::id, Account::home, Account::shell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("root", "0", "/root", "/bin/bash"),
                        org.assertj.core.groups.Tuple.tuple("app", "10001", "/home/app", "/usr/sbin/nologin"));
        assertThat(passwd.diagnostics()).hasSize(1);

        AccountFile group = AccountsAnalyzer.parse(AccountFile.Kind.GROUP, "root:x:0:\nshadow:x:42:\n");
        assertThat(group.accounts()).extracting(Account::id).containsExactly("0", "42");
        assertThat(new ObjectMapper().readValue(json, AccountFile.class)).isEqualTo(shadow);
    }

    @Test
    void wantsOnlyTheDatabases() {
        AccountsAnalyzer a = new AccountsAnalyzer();
        for (String p : List.of("etc/passwd", "etc/shadow", "etc/group")) {
            assertThat(a.required(p, null)).as(p).isTrue();
        }
        for (String p : List.of("etc/passwd-", "etc/gshadow", "usr/etc/passwd", "etc/shadow.bak", "home/etc/shadow")) {
            assertThat(a.required(p, null)).as(p).isFalse();
        }
    }
}
