package dev.drydock.version;

import java.math.BigInteger;
import java.util.regex.Matcher;

/**
 * node-semver's rewriting of range sugar into primitive comparators ({@code replaceTilde}, {@code replaceCaret},
 * {@code replaceXRange} and {@code hyphenReplace} of classes/range.js, loose=false, includePrerelease=false):
 * {@code ~1.2.3} is {@code >=1.2.3 <1.3.0-0}, {@code ^0.0.1} is {@code >=0.0.1 <0.0.2-0}, {@code 1.x} is
 * {@code >=1.0.0 <2.0.0-0}, {@code 1.2 - 2.3} is {@code >=1.2.0 <2.4.0-0}. Numbers are incremented exactly
 * (node-semver's {@code +n + 1} is a double; the comparators it builds reject numbers past 2^53 either way).
 */
final class NpmRangeSugar {

    private NpmRangeSugar() {
    }

    private static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    /** {@code +n + 1} on a decimal string. */
    private static String plus1(String n) {
        return new BigInteger(n).add(BigInteger.ONE).toString();
    }

    static String tilde(String comp) {
        return NpmRange.replaceFirst(NpmRange.TILDE, comp, m -> {
            String major = m.group(1);
            String minor = m.group(2);
            String patch = m.group(3);
            String pre = m.group(4);
            if (isX(major)) {
                return "";
            } else if (isX(minor)) {
                return ">=" + major + ".0.0 <" + plus1(major) + ".0.0-0";
            } else if (isX(patch)) {
                return ">=" + major + "." + minor + ".0 <" + major + "." + plus1(minor) + ".0-0";
            } else if (pre != null && !pre.isEmpty()) {
                return ">=" + major + "." + minor + "." + patch + "-" + pre + " <" + major + "." + plus1(minor) + ".0-0";
            }
            return ">=" + major + "." + minor + "." + patch + " <" + major + "." + plus1(minor) + ".0-0";
        });
    }

    static String caret(String comp) {
        return NpmRange.replaceFirst(NpmRange.CARET, comp, m -> {
            String major = m.group(1);
            String minor = m.group(2);
            String patch = m.group(3);
            String pre = m.group(4);
            if (isX(major)) {
                return "";
            } else if (isX(minor)) {
                return ">=" + major + ".0.0 <" + plus1(major) + ".0.0-0";
            } else if (isX(patch)) {
                return major.equals("0")
                        ? ">=" + major + "." + minor + ".0 <" + major + "." + plus1(minor) + ".0-0"
                        : ">=" + major + "." + minor + ".0 <" + plus1(major) + ".0.0-0";
            }
            String from = ">=" + major + "." + minor + "." + patch + (pre != null && !pre.isEmpty() ? "-" + pre : "");
            if (major.equals("0")) {
                return minor.equals("0")
                        ? from + " <" + major + "." + minor + "." + plus1(patch) + "-0"
                        : from + " <" + major + "." + plus1(minor) + ".0-0";
            }
            return from + " <" + plus1(major) + ".0.0-0";
        });
    }

    static String xRange(String comp) {
        return NpmRange.replaceFirst(NpmRange.XRANGE, comp, m -> {
            String gtlt = m.group(1);
            String major = m.group(2);
            String minor = m.group(3);
            String patch = m.group(4);
            if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !patch.isEmpty() && !isX(patch))) {
                return comp;
            }
            boolean xM = isX(major);
            boolean xm = xM || isX(minor);
            boolean xp = xm || isX(patch);
            if (gtlt.equals("=") && xp) {
                gtlt = "";
            }
            String pr = "";
            if (xM) {
                return gtlt.equals(">") || gtlt.equals("<") ? "<0.0.0-0" : "*";
            } else if (!gtlt.isEmpty() && xp) {
                if (xm) {
                    minor = "0";
                }
                patch = "0";
                if (gtlt.equals(">")) {
                    gtlt = ">=";
                    if (xm) {
                        major = plus1(major);
                        minor = "0";
                    } else {
                        minor = plus1(minor);
                    }
                    patch = "0";
                } else if (gtlt.equals("<=")) {
                    gtlt = "<";
                    if (xm) {
                        major = plus1(major);
                    } else {
                        minor = plus1(minor);
                    }
                }
                if (gtlt.equals("<")) {
                    pr = "-0";
                }
                return gtlt + major + "." + minor + "." + patch + pr;
            } else if (xm) {
                return ">=" + major + ".0.0" + pr + " <" + plus1(major) + ".0.0-0";
            } else if (xp) {
                return ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + plus1(minor) + ".0-0";
            }
            return m.group();
        });
    }

    static String hyphen(Matcher m) {
        String from = m.group(1);
        String fM = m.group(2);
        String fm = m.group(3);
        String fp = m.group(4);
        String fpr = m.group(5);
        String to = m.group(7);
        String tM = m.group(8);
        String tm = m.group(9);
        String tp = m.group(10);
        String tpr = m.group(11);
        if (isX(fM)) {
            from = "";
        } else if (isX(fm)) {
            from = ">=" + fM + ".0.0";
        } else if (isX(fp)) {
            from = ">=" + fM + "." + fm + ".0";
        } else {
            from = ">=" + from;
        }
        if (isX(tM)) {
            to = "";
        } else if (isX(tm)) {
            to = "<" + plus1(tM) + ".0.0-0";
        } else if (isX(tp)) {
            to = "<" + tM + "." + plus1(tm) + ".0-0";
        } else if (tpr != null && !tpr.isEmpty()) {
            to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
        } else {
            to = "<=" + to;
        }
        return JsText.trim(from + " " + to);
    }
}
