package dev.drydock.dockerfile.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3058Test {

    @Test
    void emails() {
        LabelTypeChecks.check(new DL3058(), "maintainer", "email",
                List.of("not-email",                                  // Hadolint spec
                        "ops team",
                        "ops@",
                        "@acme.example",
                        "ops@acme..example",
                        "Jane Doe jane@example.com",
                        "Jane Doe <jane@example.com"),
                List.of("abcd@google.com",                            // Hadolint spec
                        "ops+docker@acme.example",
                        "first.last@sub.example.co.uk",
                        "root@localhost",
                        "Jane Doe <jane@example.com>",                // RFC 5322 name-addr
                        "<jane@example.com>"));
    }
}
