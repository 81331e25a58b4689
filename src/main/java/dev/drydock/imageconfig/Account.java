package dev.drydock.imageconfig;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of {@code /etc/passwd}, {@code /etc/shadow} or {@code /etc/group} (passwd(5), shadow(5), group(5)), with
 * the password field reduced to what it is: the hash itself is never kept, so it never reaches the layer cache or a
 * report.
 *
 * @param line     1-based line in the file
 * @param id       passwd: the uid; group: the gid; shadow: null
 * @param gid      passwd: the primary gid; else null
 * @param home     passwd: the home directory; else null
 * @param shell    passwd: the login shell; else null
 * @param password what the password field holds
 * @param scheme   for a hash, its crypt(5) scheme ({@code yescrypt}, {@code sha512crypt}, {@code md5crypt},
 *                 {@code bcrypt}, {@code descrypt}...); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(String name, int line, String id, String gid, String home, String shell, Password password,
                      String scheme) {

    /** The password field, classified. */
    public enum Password {
        /** Empty: no password is needed to become this user (su, login). */
        EMPTY,
        /** A password hash: anyone with the image can try to crack it. */
        HASH,
        /** A hash behind a lock ({@code !$6$...}): the account is locked, the hash still ships. */
        LOCKED_HASH,
        /** {@code *}, {@code !}, {@code !!}: no password can log in. */
        LOCKED,
        /** passwd's {@code x}: the password is in the shadow file. */
        SHADOWED
    }

    /** Whether a password hash is present (locked or not). */
    public boolean hasHash() {
        return password == Password.HASH || password == Password.LOCKED_HASH;
    }

    /** Classifies a passwd/shadow password field; {@code scheme} of the result via {@link #scheme(String)}. */
    static Password classify(String field) {
        if (field.isEmpty()) {
            return Password.EMPTY;
        }
        if (field.equals("x")) {
            return Password.SHADOWED;
        }
        boolean locked = field.startsWith("!");
        String rest = locked ? field.replaceFirst("^!+", "") : field;
        if (scheme(rest) != null) {
            return locked ? Password.LOCKED_HASH : Password.HASH;
        }
        return Password.LOCKED;
    }

    /** The crypt(5) scheme of a hash, or null when the field is no hash ({@code *}, {@code !}, {@code x}). */
    static String scheme(String field) {
        String f = field.replaceFirst("^!+", "");
        if (f.startsWith("$")) {
            int end = f.indexOf('$', 1);
            if (end < 0 || f.length() < end + 2) {
                return null;
            }
            return switch (f.substring(1, end)) {
                case "1" -> "md5crypt";
                case "2a", "2b", "2x", "2y" -> "bcrypt";
                case "5" -> "sha256crypt";
                case "6" -> "sha512crypt";
                case "y" -> "yescrypt";
                case "gy" -> "gost-yescrypt";
                case "7" -> "scrypt";
                case "sha1" -> "sha1crypt";
                case "md5" -> "sunmd5";
                default -> "crypt $" + f.substring(1, end) + "$";
            };
        }
        // traditional DES crypt: 13 characters of ./0-9A-Za-z
        return f.matches("[./0-9A-Za-z]{13}") ? "descrypt" : null;
    }
}
