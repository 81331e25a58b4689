package dev.drydock.report;

import java.nio.charset.StandardCharsets;

/** What the two SARIF writers (lint, scan) spell the same way. */
final class Sarif {

    private Sarif() {
    }

    /** A path as a URI reference: unreserved characters and {@code /} kept, everything else percent-encoded (UTF-8). */
    static String percentEncode(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** {@code tool.driver.semanticVersion} must be SemVer: a development version becomes {@code 0.0.0-…}. */
    static String semver(String v) {
        return v.matches("\\d+\\.\\d+\\.\\d+.*") ? v : "0.0.0-" + v.replaceAll("[^0-9A-Za-z-]", "-");
    }

    /** A rule's {@code name}: its title in PascalCase ({@code Pin versions in apt-get install} → {@code PinVersionsInAptGetInstall}). */
    static String pascal(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
