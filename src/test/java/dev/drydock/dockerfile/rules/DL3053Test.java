package dev.drydock.dockerfile.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3053Test {

    @Test
    void rfc3339() {
        LabelTypeChecks.check(new DL3053(), "datelabel", "rfc3339",
                List.of("not-date",                                   // Hadolint spec
                        "2024-03-01",                                 // a date only
                        "2024-03-01T10:00:00",                        // no offset
                        "2024-03-01 10:00",
                        "Fri Mar  1 10:00:00 UTC 2024",               // `date` default output
                        "2024-13-01T10:00:00Z",                       // month 13
                        "2024-02-30T10:00:00Z",
                        "2024-03-01T10:00:00+0100"),                  // ISO basic offset, not RFC 3339
                List.of("2021-03-10T10:26:33.564595127+01:00",        // Hadolint spec
                        "2024-03-01T10:00:00Z",
                        "2024-03-01t10:00:00z",
                        "2024-03-01 10:00:00Z",                        // RFC 3339 allows a space
                        "2024-02-29T23:59:59-08:00"));
    }
}
