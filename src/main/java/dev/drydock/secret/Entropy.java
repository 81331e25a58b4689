package dev.drydock.secret;

/** Shannon entropy in bits per character: random tokens score high, words and repeated characters low. */
final class Entropy {

    private Entropy() {
    }

    static double shannon(CharSequence s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[256];
        for (int i = 0; i < s.length(); i++) {
            counts[s.charAt(i) & 0xff]++;
        }
        double h = 0;
        double n = s.length();
        for (int c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }
}
