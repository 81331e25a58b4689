package dev.drydock.version;

import java.math.BigInteger;
import java.util.List;

/**
 * crates.io's version order: the Rust {@code semver} crate 1.x ({@code Version::parse} and {@code impl Ord for
 * Version}). The grammar is SemVer 2.0.0's, with major, minor and patch at most {@code u64::MAX} as the crate
 * requires. Unlike SemVer precedence, the crate's order does not ignore build metadata: after major, minor, patch and
 * pre-release it compares the build identifiers (numeric below alphanumeric, numbers by value then by length so
 * {@code 0 < 00 < 1 < 01}, alphanumeric in ASCII order, and no metadata below any), so {@code 1.0.0 < 1.0.0+build}.
 *
 * <p>Hand-written (src/parse.rs and src/impls.rs of github.com/dtolnay/semver) because it decides which crates.io
 * versions an advisory covers.
 */
public final class CargoVersion implements VersionScheme {

    public static final CargoVersion INSTANCE = new CargoVersion();

    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    private CargoVersion() {
    }

    @Override
    public String name() {
        return "cargo";
    }

    @Override
    public int compare(String a, String b) {
        SemVer x = parse(a);
        SemVer y = parse(b);
        int c = x.compareTo(y);
        return c != 0 ? c : compareBuild(x.build(), y.build());
    }

    static SemVer parse(String version) {
        VersionInput.check("cargo", version);
        SemVer v;
        try {
            v = SemVer.parse(version);
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("cargo", String.valueOf(version), SemVer.reason(String.valueOf(version)));
        }
        for (BigInteger n : List.of(v.major(), v.minor(), v.patch())) {
            if (n.compareTo(U64_MAX) > 0) {
                throw new InvalidVersionException("cargo", version, n + " exceeds u64::MAX, the largest number the semver crate takes");
            }
        }
        return v;
    }

    /** The crate's {@code impl Ord for BuildMetadata}; an absent build is one empty identifier. */
    static int compareBuild(List<String> a, List<String> b) {
        List<String> x = a.isEmpty() ? List.of("") : a;
        List<String> y = b.isEmpty() ? List.of("") : b;
        for (int i = 0; i < x.size(); i++) {
            if (i >= y.size()) {
                return 1;
            }
            String l = x.get(i);
            String r = y.get(i);
            boolean ln = allDigits(l);
            boolean rn = allDigits(r);
            int c;
            if (ln && rn) {
                String lv = stripZeros(l);
                String rv = stripZeros(r);
                c = Integer.compare(lv.length(), rv.length());
                if (c == 0) {
                    c = lv.compareTo(rv);
                }
                if (c == 0) {
                    c = Integer.compare(l.length(), r.length());
                }
            } else if (ln != rn) {
                return ln ? -1 : 1;
            } else {
                c = l.compareTo(r);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return x.size() == y.size() ? 0 : -1;
    }

    /** Rust's {@code bytes().all(is_ascii_digit)}: true for the empty string. */
    private static boolean allDigits(String s) {
        return s.isEmpty() || SemVer.isNumeric(s);
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
