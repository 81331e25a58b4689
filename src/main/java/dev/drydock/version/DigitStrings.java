package dev.drydock.version;

/**
 * Compares runs of ASCII digits as unbounded non-negative integers without converting them, so a 40-digit
 * snapshot timestamp never overflows (the reference implementations use C longs, Python ints or Ruby bignums).
 */
final class DigitStrings {

    private DigitStrings() {
    }

    /** Compares {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}, both all digits, as numbers; leading zeros are ignored. */
    static int compare(CharSequence a, int aFrom, int aTo, CharSequence b, int bFrom, int bTo) {
        while (aFrom < aTo && a.charAt(aFrom) == '0') {
            aFrom++;
        }
        while (bFrom < bTo && b.charAt(bFrom) == '0') {
            bFrom++;
        }
        int aLen = aTo - aFrom;
        int bLen = bTo - bFrom;
        if (aLen != bLen) {
            return aLen < bLen ? -1 : 1;
        }
        for (int i = 0; i < aLen; i++) {
            char ca = a.charAt(aFrom + i);
            char cb = b.charAt(bFrom + i);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        return 0;
    }

    /** Compares two all-digit strings as numbers. */
    static int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }

    /** Whether {@code s} is a non-empty run of ASCII digits. */
    static boolean allDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The digits with leading zeros removed ({@code "0"} for all zeros), the canonical spelling of the number. */
    static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
