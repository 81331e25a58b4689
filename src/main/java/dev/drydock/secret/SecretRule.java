package dev.drydock.secret;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of secret.
 *
 * @param regex     what it looks like; the named group {@code secret} (or the whole match) is the secret itself
 * @param keywords  lower-case strings, at least one of which occurs wherever the regex can match: the prefilter runs
 *                  the regex only near them
 * @param entropy   the least Shannon entropy (bits per character) the secret must have; 0 for none
 * @param allow     secrets matching any of these are not reported (examples, placeholders)
 * @param paths     when not empty, the rule applies only to files whose path matches one of these
 * @param fallback  a generic rule: dropped where a specific rule matched the same text
 * @param multiline whether a match spans lines (private keys, JSON key files): the regex then gets a wider window
 */
public record SecretRule(String id, String category, String title, Severity severity, Pattern regex,
                         List<String> keywords, double entropy, List<Pattern> allow, List<Pattern> paths,
                         boolean multiline, boolean fallback, Examples examples) {

    public SecretRule {
        keywords = List.copyOf(keywords);
        allow = List.copyOf(allow);
        paths = List.copyOf(paths);
    }

    /** Text the rule must find ({@code positive}) and must not ({@code negative}); checked by the rules test. */
    public record Examples(List<String> positive, List<String> negative) {
        public Examples {
            positive = positive == null ? List.of() : List.copyOf(positive);
            negative = negative == null ? List.of() : List.copyOf(negative);
        }
    }

    /** The secret inside a match: the {@code secret} group when the regex names one, else the whole match. */
    boolean hasSecretGroup() {
        return regex.pattern().contains("(?<secret>");
    }

    boolean appliesTo(String path) {
        if (paths.isEmpty()) {
            return true;
        }
        for (Pattern p : paths) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }

    boolean allowed(String secret) {
        for (Pattern p : allow) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return false;
    }
}
